using PayrollPortal.Application.Withholding.UsFederal;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using PayrollPortal.Application.Exports;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>The files themselves, parsed back: CSV with a strict RFC 4180 reader, XLSX with the Open XML SDK, on both databases.</summary>
public sealed class ExportDownloadTests
{
    private static readonly string[] Secrets = [ExportSigningKeys.NewEntry("k1")];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownloadCsv_WhenQuarterHasApprovedAndDraftPayrolls_ShouldListApprovedLinesWithTotalsEqualToTheDatabase(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var link = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, quarter = 1 }, "csv");
        var response = await client.GetAsync(link.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("payroll-acme-2026-q1.csv");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.Preamble.ToArray());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldNotContain("123-45-6789");
        text.ShouldNotContain("123456789");
        var records = Csv.Parse(text);
        records[0].ShouldBe(UsFederalRegisterColumns.Layout.Headers);
        var rows = records.Skip(1).SkipLast(1).ToList();
        rows.Count.ShouldBe(8, "six January lines and two February lines; the March draft is left out");
        rows.ShouldAllBe(r => r.Length == UsFederalRegisterColumns.Layout.Headers.Count && r[5] == "Approved");
        rows.Select(r => r[2]).ShouldBe(["2026-01-30", "2026-01-30", "2026-01-30", "2026-01-30", "2026-01-30", "2026-01-30", "2026-02-27", "2026-02-27"]);
        rows.Select(r => r[^1]).Distinct().ShouldBe([scenario.January.ToString(), scenario.February.ToString()]);
        rows.Select(r => r[1]).ShouldContain("6789");
        rows.ShouldAllBe(r => r[1].Length == 4);
        var totals = records[^1];
        totals[0].ShouldBe("Total");
        var expected = await ExportScenario.ApprovedSumsAsync(app, scenario.CompanyId, 2026, 1, 3);
        Cents(totals.Skip(RegisterLayout.FirstMoneyColumn).Take(expected.Length)).ShouldBe(expected);
        for (var column = 0; column < expected.Length; column++)
        {
            rows.Sum(r => Cents(r[RegisterLayout.FirstMoneyColumn + column])).ShouldBe(expected[column], UsFederalRegisterColumns.MoneyColumns[column]);
        }

        expected[0].ShouldBe(5000_55 + 7123_45 + 1000_00 + 1001_00 + 1002_00 + 1003_00 + 5000_55 + 6999_99);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownloadXlsx_WhenQuarterIsAsked_ShouldHoldTypedCellsFormatsTotalsAndAMetaSheetMatchingTheCsv(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var xlsxLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, quarter = 1 }, "xlsx");
        var response = await client.GetAsync(xlsxLink.Url);
        var csvLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, quarter = 1 }, "csv");
        var csvBytes = await client.GetByteArrayAsync(csvLink.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("payroll-acme-2026-q1.xlsx");
        using var xlsx = new Xlsx(await response.Content.ReadAsByteArrayAsync());
        xlsx.SheetNames.ShouldBe(["Register", "Meta"]);
        var rows = xlsx.Rows("Register");
        rows[0].Select(c => c.Text).ShouldBe(UsFederalRegisterColumns.Layout.Headers);
        var data = rows.Skip(1).SkipLast(1).ToList();
        data.Count.ShouldBe(8);
        foreach (var row in data)
        {
            row[0].IsText.ShouldBeTrue();
            row[1].IsText.ShouldBeTrue();
            row[2].IsText.ShouldBeFalse();
            row[2].NumberFormat.ShouldBe("yyyy-mm-dd");
            row[5].Text.ShouldBe("Approved");
            row.Skip(RegisterLayout.FirstMoneyColumn).Take(UsFederalRegisterColumns.MoneyColumns.Count)
                .ShouldAllBe(c => !c.IsText && !c.HasFormula && c.NumberFormat == "#,##0.00");
        }

        data[0][2].Date.ShouldBe(new DateOnly(2026, 1, 30));
        data[^1][3].Date.ShouldBe(new DateOnly(2026, 2, 1));
        var expected = await ExportScenario.ApprovedSumsAsync(app, scenario.CompanyId, 2026, 1, 3);
        var totals = rows[^1];
        totals[0].Text.ShouldBe("Total");
        totals.Skip(RegisterLayout.FirstMoneyColumn).Take(expected.Length).Select(c => (long)(c.Number * 100m)).ShouldBe(expected);

        var register = xlsx.Sheet("Register");
        var pane = register.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        register.Descendants<Column>().Count().ShouldBeGreaterThanOrEqualTo(UsFederalRegisterColumns.Layout.Headers.Count);
        register.Descendants<Column>().ShouldAllBe(c => c.Width != null && c.Width.Value > 8);

        var meta = xlsx.Rows("Meta").Skip(1).ToDictionary(r => r[0].Text, r => r[1]);
        meta["Company"].Text.ShouldBe("Company acme");
        meta["Scope"].Text.ShouldStartWith("Quarter 2026 Q1");
        meta["Row count"].Number.ShouldBe(8);
        meta["Request ID"].Text.ShouldBe(response.Headers.GetValues("X-Request-ID").Single());
        meta["Generated by"].Text.ShouldBe("signed link (key k1)");
        meta["Generated at (UTC)"].IsText.ShouldBeFalse();
        DateTime.FromOADate(double.Parse(meta["Generated at (UTC)"].Text, CultureInfo.InvariantCulture)).ShouldBe(DateTime.UtcNow, TimeSpan.FromHours(1));

        var csvRows = Csv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3)).Skip(1).SkipLast(1);
        var hashed = string.Concat(csvRows.Select(r => string.Join('\u001f', r) + "\n"));
        meta["Rows SHA-256"].Text.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashed))));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenNamesStartLikeFormulas_ShouldWriteThemAsGuardedTextInBothFormats(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var csvLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.January }, "csv");
        var csvBytes = await client.GetByteArrayAsync(csvLink.Url);
        var xlsxLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.January }, "xlsx");
        using var xlsx = new Xlsx(await client.GetByteArrayAsync(xlsxLink.Url));

        var csvNames = Csv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3)).Skip(1).SkipLast(1).Select(r => r[0]).ToList();
        var xlsxCells = xlsx.Rows("Register").Skip(1).SkipLast(1).Select(r => r[0]).ToList();
        foreach (var hostile in ExportScenario.HostileFirstNames)
        {
            csvNames.ShouldContain("'" + hostile + " Test");
            xlsxCells.ShouldContain(c => c.Text == "'" + hostile + " Test" && c.IsText && !c.HasFormula);
        }

        csvNames.ShouldContain("Ada Lovelace");
        csvNames.Where(n => n[0] is '=' or '+' or '-' or '@' or '\t' or '\r').ShouldBeEmpty();
        xlsx.Sheet("Register").Descendants<CellFormula>().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenOneDraftPayrollIsAskedExplicitly_ShouldMarkTheFileDraft(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var csvLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.DraftMarch }, "csv");
        var csvResponse = await client.GetAsync(csvLink.Url);
        var xlsxLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.DraftMarch }, "xlsx");
        var xlsxResponse = await client.GetAsync(xlsxLink.Url);
        var monthLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, month = 3 }, "csv");
        var monthBytes = await client.GetByteArrayAsync(monthLink.Url);

        csvResponse.Content.Headers.ContentDisposition!.FileName.ShouldBe($"payroll-acme-2026-03-{scenario.DraftMarch}-DRAFT.csv");
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var records = Csv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3));
        records.Count.ShouldBe(3);
        records[1][5].ShouldBe("DRAFT");
        records[2][0].ShouldBe("Total (DRAFT)");
        records[2][RegisterLayout.FirstMoneyColumn].ShouldBe("4321.09");

        xlsxResponse.Content.Headers.ContentDisposition!.FileName.ShouldBe($"payroll-acme-2026-03-{scenario.DraftMarch}-DRAFT.xlsx");
        using var xlsx = new Xlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());
        xlsx.SheetNames.ShouldBe(["Register DRAFT", "Meta"]);
        xlsx.Rows("Meta").Single(r => r[0].Text == "Status")[1].Text.ShouldStartWith("DRAFT");

        var month = Csv.Parse(Encoding.UTF8.GetString(monthBytes, 3, monthBytes.Length - 3));
        month.Count.ShouldBe(2, "the month holds only the draft, which a month export leaves out: header and a zero totals row");
        month[1][RegisterLayout.FirstMoneyColumn].ShouldBe("0.00");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenRequestLoggingIsOn_ShouldLogTheRequestWithItsQueryStringRedacted(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?>
        {
            [ExportSigningKeys.Variable] = Secrets[0],
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        });
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var link = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, month = 1 }, "csv");
        (await client.GetAsync(link.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(link.Url.Replace("sig=", "sig=x", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var query = link.Url[(link.Url.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var signature = query[(query.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        app.Logs.Lines.ShouldContain(l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains("/api/exports/download?[redacted]", StringComparison.Ordinal));
        app.Logs.Lines.ShouldContain(l => l.Contains("Request finished", StringComparison.Ordinal) && l.Contains("/api/exports/download?[redacted]", StringComparison.Ordinal));
        app.Logs.Lines.ShouldContain(l => l.Contains("Export payroll-acme-2026-01.csv streamed 6 rows", StringComparison.Ordinal));
        app.Logs.All.ShouldNotContain(signature);
        app.Logs.All.ShouldNotContain("sig=");
        app.Logs.All.ShouldNotContain("exp=");
        app.Logs.All.ShouldNotContain("kid=");
    }

    private static long Cents(string amount) => (long)(decimal.Parse(amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) * 100m);

    private static long[] Cents(IEnumerable<string> amounts) => [.. amounts.Select(Cents)];
}
