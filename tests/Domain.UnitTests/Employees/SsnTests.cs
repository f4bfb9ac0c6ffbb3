using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Domain.UnitTests.Employees;

public sealed class SsnTests
{
    [Theory]
    [InlineData("123-45-6789", "123456789")]
    [InlineData("123456789", "123456789")]
    [InlineData(" 665-01-0001 ", "665010001")]
    [InlineData("899-99-9999", "899999999")]
    public void Create_WhenWellFormed_ShouldKeepNineDigits(string input, string digits)
    {
        var ssn = Ssn.Create(input).Value!;

        ssn.Digits.ShouldBe(digits);
        ssn.Last4.ShouldBe(digits[5..]);
        ssn.Masked.ShouldBe($"***-**-{digits[5..]}");
        ssn.ToString().ShouldNotContain(digits[..5]);
    }

    [Theory]
    [InlineData("000-12-3456", "employee.ssn_not_issuable")]
    [InlineData("666-12-3456", "employee.ssn_not_issuable")]
    [InlineData("900-12-3456", "employee.ssn_not_issuable")]
    [InlineData("999-12-3456", "employee.ssn_not_issuable")]
    [InlineData("123-00-3456", "employee.ssn_not_issuable")]
    [InlineData("123-45-0000", "employee.ssn_not_issuable")]
    [InlineData("12-345-6789", "employee.ssn_malformed")]
    [InlineData("12345678", "employee.ssn_malformed")]
    [InlineData("1234567890", "employee.ssn_malformed")]
    [InlineData("123-45-678a", "employee.ssn_malformed")]
    [InlineData("", "employee.ssn_required")]
    public void Create_WhenNotIssuableOrMalformed_ShouldRefuseNamingSsn(string input, string code)
    {
        var error = Ssn.Create(input).FirstError;

        error.Code.ShouldBe(code);
        error.Field.ShouldBe("ssn");
    }
}
