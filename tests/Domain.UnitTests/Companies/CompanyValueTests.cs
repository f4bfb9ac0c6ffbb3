using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Domain.UnitTests.Companies;

public sealed class CompanyValueTests
{
    [Theory]
    [InlineData("  Acme Payroll  ", "Acme Payroll")]
    [InlineData("A", "A")]
    public void CompanyName_WhenValid_ShouldBeTrimmed(string input, string expected) =>
        CompanyName.Create(input).Value!.Value.ShouldBe(expected);

    [Theory]
    [InlineData(null, "company.name_required")]
    [InlineData("", "company.name_required")]
    [InlineData("    ", "company.name_required")]
    public void CompanyName_WhenBlank_ShouldBeRequired(string? input, string code) =>
        CompanyName.Create(input).FirstError.Code.ShouldBe(code);

    [Fact]
    public void CompanyName_WhenOver200CharactersAfterTrim_ShouldBeRefused()
    {
        CompanyName.Create(new string('x', 200)).IsSuccess.ShouldBeTrue();
        CompanyName.Create("  " + new string('x', 200) + "  ").IsSuccess.ShouldBeTrue();
        CompanyName.Create(new string('x', 201)).FirstError.Code.ShouldBe("company.name_too_long");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("acme-payroll")]
    [InlineData("a1-b2-c3")]
    [InlineData("123")]
    public void CompanySlug_WhenWellFormed_ShouldBeAccepted(string slug) =>
        CompanySlug.Create(slug).Value!.Value.ShouldBe(slug);

    [Theory]
    [InlineData("ab")]
    [InlineData("Acme")]
    [InlineData("acme--co")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("acme co")]
    [InlineData("acmé")]
    public void CompanySlug_WhenMalformed_ShouldBeRefused(string slug) =>
        CompanySlug.Create(slug).FirstError.Field.ShouldBe("slug");

    [Fact]
    public void CompanySlug_WhenLongerThan63_ShouldBeRefused()
    {
        CompanySlug.Create(new string('a', 63)).IsSuccess.ShouldBeTrue();
        CompanySlug.Create(new string('a', 64)).IsSuccess.ShouldBeFalse();
    }

    [Theory]
    [InlineData("12-3456789", true)]
    [InlineData("123456789", false)]
    [InlineData("12-345678", false)]
    [InlineData("ab-cdefghi", false)]
    [InlineData("12-34567890", false)]
    public void Ein_WhenChecked_ShouldAcceptOnlyNNDashSevenDigits(string ein, bool valid) =>
        Ein.Create(ein).IsSuccess.ShouldBe(valid);

    [Fact]
    public void Company_WhenRenamed_ShouldKeepSlugAndMoveUpdatedAt()
    {
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var company = Company.Create(CompanyName.Create("Acme").Value!, CompanySlug.Create("acme").Value!, null, created);

        company.Rename(CompanyName.Create("Acme Two").Value!, created.AddHours(1));

        company.Name.Value.ShouldBe("Acme Two");
        company.Slug.Value.ShouldBe("acme");
        company.CreatedAt.ShouldBe(created);
        company.UpdatedAt.ShouldBe(created.AddHours(1));
        company.Id.Version.ShouldBe(7);
    }
}
