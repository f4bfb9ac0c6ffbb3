using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Domain.UnitTests.Companies;

/// <summary>The company settings page's values (issue 26): the business registration number and the postal address.</summary>
public sealed class CompanySettingsValueTests
{
    [Theory]
    [InlineData("124-81-00998")]
    [InlineData("123-45-67891")]
    [InlineData(" 101-01-00009 ")]
    public void BusinessRegistrationNumber_WhenCheckDigitMatches_ShouldBeAccepted(string number) =>
        BusinessRegistrationNumber.Create(number).Value!.Value.ShouldBe(number.Trim());

    [Theory]
    [InlineData("124-81-00997", "company.registration_number_check_digit")]
    [InlineData("123-45-67890", "company.registration_number_check_digit")]
    [InlineData("1248100998", "company.registration_number_invalid")]
    [InlineData("124-81-0099", "company.registration_number_invalid")]
    [InlineData("١٢٤-٨١-٠٠٩٩٨", "company.registration_number_invalid")]
    [InlineData("", "company.registration_number_invalid")]
    public void BusinessRegistrationNumber_WhenMistyped_ShouldSayWhich(string number, string code) =>
        BusinessRegistrationNumber.Create(number).FirstError.Code.ShouldBe(code);

    [Fact]
    public void CompanyAddress_WhenValid_ShouldTrimAndUpperCaseTheCountryAndDropBlankLines()
    {
        var address = CompanyAddress.Create(" 100 Main Street ", "  ", "Springfield", "IL", "62701", "us").Value!;

        address.ShouldBe(new CompanyAddress("100 Main Street", null, "Springfield", "IL", "62701", "US"));
    }

    [Fact]
    public void CompanyAddress_WhenSeveralPartsAreWrong_ShouldNameEachOne()
    {
        var result = CompanyAddress.Create(null, new string('x', 201), "Seoul\u202E", null, null, "KOR");

        result.Errors.Select(e => (e.Field, e.Code)).ShouldBe([
            ("address.line1", "company.address_field_required"),
            ("address.line2", "company.address_field_too_long"),
            ("address.city", "company.address_field_invalid_characters"),
            ("address.country", "company.address_country_invalid"),
        ]);
    }
}
