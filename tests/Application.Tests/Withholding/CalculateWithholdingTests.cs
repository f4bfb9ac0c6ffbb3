using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Withholding;

/// <summary>The withholding preview through the real pipeline (ISender). It stores nothing, so one provider hosts it.</summary>
public sealed class CalculateWithholdingTests
{
    private static readonly WithholdingW4 Single2020 = new("2020", FilingStatus: "single");

    [Fact]
    public async Task CalculateWithholding_WhenIssueExample_ShouldReturnAmountsEmployerSharesAndTrace()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var result = await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "weekly", 2_000m, W4: Single2020));

        result.IsSuccess.ShouldBeTrue();
        result.Value!.FederalIncomeTax.ShouldBe(270.19m);
        result.Value.Employer.ShouldBe(new EmployerTaxesDto(124.00m, 29.00m));
        result.Value.TaxableWages.ShouldBe(new TaxableWagesDto(2_000.00m, 0.00m, 2_000.00m, 2_000.00m, 0.00m));
        result.Value.Trace.Keys.Take(3).ShouldBe(["1a", "1b", "1c"]);
        result.Value.Trace["1g"].ShouldBe(8_600m);
    }

    [Theory]
    [InlineData("married_filing_jointly")]
    [InlineData("marriedFilingJointly")]
    [InlineData("MARRIED-FILING-JOINTLY")]
    public async Task CalculateWithholding_WhenFilingStatusSpelledAnotherWay_ShouldStillRecogniseIt(string status)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var result = await app.SendAsync<Result<WithholdingResultDto>>(
            new CalculateWithholding(2024, "biweekly", 5_769.23m, W4: new WithholdingW4("2020", FilingStatus: status)));

        result.Value!.FederalIncomeTax.ShouldBe(641.62m);
    }

    [Fact]
    public async Task CalculateWithholding_WhenExemptSentAtTopLevel_ShouldWithholdNoIncomeTax()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var result = await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "weekly", 2_000m, W4: Single2020, Exempt: true));

        result.Value!.FederalIncomeTax.ShouldBe(0.00m);
        result.Value.SocialSecurity.ShouldBe(124.00m);
    }

    [Fact]
    public async Task CalculateWithholding_WhenSeveralFieldsInvalid_ShouldReportEveryFieldInOnePass()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var result = await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(
            2019,
            "fortnightly",
            -5m,
            W4: new WithholdingW4("2019", MaritalStatus: "single", Allowances: 100),
            Ytd: new WithholdingYearToDate(MedicareWages: -1m)));

        result.IsSuccess.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldBe(["taxYear", "payFrequency", "grossWages", "w4.allowances", "ytd.medicareWages"], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.Type == ErrorType.Validation);
        result.Errors.Single(e => e.Field == "taxYear").Message.ShouldContain("2024, 2025, 2026");
    }

    [Fact]
    public async Task CalculateWithholding_WhenOnlyAmountsInvalid_ShouldReportEachAmountField()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var result = await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(
            2026,
            "weekly",
            -5m,
            W4: new WithholdingW4("2019", MaritalStatus: "married_higher_single", Allowances: 100),
            Ytd: new WithholdingYearToDate(MedicareWages: -1m)));

        result.Errors.Select(e => e.Field).ShouldBe(["grossWages", "w4.allowances", "ytd.medicareWages"], ignoreOrder: true);
    }

    [Fact]
    public async Task ValidateWithholdingTables_WhenAppStarts_ShouldHaveLoadedTheUsFederalRegime()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var registry = app.Services.ValidateWithholdingTables().GetRequiredService<WithholdingRegimeRegistry>();

        // Issue 12 registered the second regime beside it.
        registry.Codes.ShouldBe(["us-federal", "kr"], ignoreOrder: true);
    }
}
