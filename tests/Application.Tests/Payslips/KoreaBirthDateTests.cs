using PayrollPortal.Application.Withholding.Korea;

namespace PayrollPortal.Application.Tests.Payslips;

/// <summary>The birth date a kr payslip prints for an employee without a number, from the 주민등록번호's first seven digits.</summary>
public sealed class KoreaBirthDateTests
{
    [Theory]
    [InlineData("9001011234567", "1990-01-01")] // 1 and 2: born in the 1900s
    [InlineData("8505052345678", "1985-05-05")]
    [InlineData("0303033456789", "2003-03-03")] // 3 and 4: the 2000s
    [InlineData("1012314123456", "2010-12-31")]
    [InlineData("7707075123456", "1977-07-07")] // 5 to 8: foreign residents, same centuries
    [InlineData("0202028123456", "2002-02-02")]
    [InlineData("9912319123456", "1899-12-31")] // 9 and 0: the 1800s
    public void BirthDate_ShouldReadYymmddAndTheCenturyFromTheSeventhDigit(string digits, string expected) =>
        KoreaPayslips.BirthDate(digits).ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("9013011234567")] // no 13th month
    [InlineData("900101123456")] // twelve digits
    [InlineData("900101-123456")]
    public void BirthDate_WhenTheDigitsHoldNoDate_ShouldBeNull(string digits) => KoreaPayslips.BirthDate(digits).ShouldBeNull();
}
