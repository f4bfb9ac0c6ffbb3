using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PayrollPortal.Api.Cli;

namespace PayrollPortal.Api.Tests.Cli;

/// <summary><c>payroll tables status</c>: every jurisdiction's editions with dates and citation, without a database.</summary>
public sealed class TablesStatusTests
{
    [Fact]
    public async Task TablesStatus_ShouldListEveryJurisdictionWithItsDatesAndCitation()
    {
        var (exitCode, output) = await RunAsync("tables", "status");

        exitCode.ShouldBe(0);
        output.ShouldContain("51 jurisdictions, 52 editions");
        output.ShouldContain("US-GA  2026-01-01 to 2026-05-10  annualized");
        output.ShouldContain("US-GA  2026-05-11 to open");
        output.ShouldContain("US-UT  2026-06-01 to open        ut");
        output.ShouldContain("<https://edd.ca.gov/siteassets/files/pdf_pub_ctr/26methb.pdf> retrieved 2026-07-18");
        output.ShouldContain("US-TX  2024-01-01 to open        none");
    }

    [Fact]
    public async Task TablesStatus_WithJson_ShouldGiveOneDocumentWithEveryEdition()
    {
        var (exitCode, output) = await RunAsync("tables", "status", "--json");

        exitCode.ShouldBe(0);
        var document = JsonDocument.Parse(output).RootElement;
        document.GetProperty("federalTaxYears").EnumerateArray().Select(y => y.GetInt32()).ShouldContain(2026);
        var states = document.GetProperty("states").EnumerateArray().ToList();
        states.Count.ShouldBe(52);
        var ny = states.Single(s => s.GetProperty("jurisdiction").GetString() == "US-NY");
        ny.GetProperty("effectiveTo").GetString().ShouldBe("2026-12-31");
        ny.GetProperty("url").GetString().ShouldBe("https://www.tax.ny.gov/pdf/publications/withholding/nys50_t_nys.pdf");
        ny.GetProperty("method").GetString().ShouldBe("ny");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PayrollCli.RunAsync(args, new CliContext(new ConfigurationBuilder().Build(), output, error), CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
