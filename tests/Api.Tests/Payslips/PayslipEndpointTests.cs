using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Tests.Exports;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Payslips;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Payslips;

/// <summary>The payslip endpoints' HTTP contract: JSON, PDF, the streamed ZIP and its signed link, on both databases.</summary>
public sealed class PayslipEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetPayslip_AsJsonAndAsPdf_ShouldAnswerTheLinesFiguresAnd409ForADraftUnlessPreviewed(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();
        var february = (await app.SendAsync<Result<PayrollDto>>(new GetPayroll(scenario.CompanyId, scenario.February))).Value!;
        var ada = february.Lines[0];
        var url = $"/api/companies/{scenario.CompanyId}/payrolls/{scenario.February}/payslips/{ada.EmployeeId}";

        var json = await client.GetAsync(url);
        var pdf = await client.GetAsync(url + ".pdf");
        var draft = await client.GetAsync($"/api/companies/{scenario.CompanyId}/payrolls/{scenario.DraftMarch}/payslips/{ada.EmployeeId}.pdf");
        var preview = await client.GetAsync($"/api/companies/{scenario.CompanyId}/payrolls/{scenario.DraftMarch}/payslips/{ada.EmployeeId}.pdf?preview=true");
        var unknownEmployee = await client.GetAsync($"/api/companies/{scenario.CompanyId}/payrolls/{scenario.February}/payslips/{Guid.NewGuid()}");
        var foreignPayroll = await client.GetAsync($"/api/companies/{scenario.CompanyId}/payrolls/{scenario.OtherPayroll}/payslips/{ada.EmployeeId}.pdf");

        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("approved");
        body.GetProperty("payDate").GetString().ShouldBe("2026-02-27");
        body.GetProperty("employee").GetProperty("identifier").GetString().ShouldBe("XXX-XX-6789");
        body.GetProperty("totals").GetProperty("netPay").GetDecimal().ShouldBe(ada.NetPay);
        body.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("amount").GetDecimal().ShouldBe(5000.55m);
        body.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("yearToDate").GetDecimal().ShouldBe(10001.10m);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("2026-02-27_Ada_Lovelace.pdf");
        pdf.Headers.CacheControl!.NoStore.ShouldBeTrue();
        PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).Lines.ShouldContain(
            $"Net pay {ada.NetPay.ToString("#,##0.00", CultureInfo.InvariantCulture)} {body.GetProperty("totals").GetProperty("netPayYearToDate").GetDecimal().ToString("#,##0.00", CultureInfo.InvariantCulture)}");
        (await draft.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("payslip.payroll_draft");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        PdfText.Read(await preview.Content.ReadAsByteArrayAsync()).LargeText.ShouldBe("DRAFT");
        (await unknownEmployee.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("payslip.not_found");
        await foreignPayroll.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownloadPayslipsZip_ShouldHoldOnePdfPerLineWithSafeUniqueNamesAndRecordTheExport(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var company = await app.CompanyAsync("twins");
        var first = await app.EmployeeAsync(company.Id, "123-45-6789", "Ada", "Lovelace");
        var second = await app.EmployeeAsync(company.Id, "234-56-7890", "Ada", "Lovelace");
        var climber = await app.EmployeeAsync(company.Id, "345-67-8901", "../../etc", "pass\\wd");
        var created = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 30), "monthly",
            [Samples.UsLine(first.Id, 3000m), Samples.UsLine(second.Id, 3100m), Samples.UsLine(climber.Id, 3200m)]));
        var payroll = (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, created.Value!.Id))).Value!;
        var manager = await app.CreateClientAsync("payroll_manager", company.Id);
        var viewer = await app.CreateClientAsync("viewer", company.Id);

        using var response = await manager.GetAsync($"/api/companies/{company.Id}/payrolls/{payroll.Id}/payslips.zip");
        var byViewer = await viewer.GetAsync($"/api/companies/{company.Id}/payrolls/{payroll.Id}/payslips.zip");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("payslips-twins-2026-01-30.zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        zip.Entries.Select(e => e.FullName).ShouldBe(["2026-01-30_Ada_Lovelace.pdf", "2026-01-30_Ada_Lovelace_2.pdf", "2026-01-30_etc_passwd.pdf"]);
        for (var i = 0; i < 3; i++)
        {
            using var entry = zip.Entries[i].Open();
            using var copy = new MemoryStream();
            await entry.CopyToAsync(copy);
            var text = PdfText.Read(copy.ToArray());
            text.Lines.ShouldContain(l => l.StartsWith($"Net pay {payroll.Lines[i].NetPay.ToString("#,##0.00", CultureInfo.InvariantCulture)} ", StringComparison.Ordinal));
            text.LineOf("Employee").ShouldBe("Employee " + payroll.Lines[i].EmployeeName);
        }

        await byViewer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var events = await AuditActionsAsync(app, company.Id);
        events.ShouldContain("payslips.exported");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PayslipsZipLink_ShouldBeSignedAndExpiringAndRefuseTamperingAMonthScopeAndADraft(DatabaseProvider provider)
    {
        var key = ExportSigningKeys.NewEntry("k1");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = key });
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var link = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { payrollId = scenario.January }, "payslips-zip");
        using var download = await app.CreateAnonymousClient().GetAsync(link.Url);
        var month = await client.PostAsJsonAsync($"/api/companies/{scenario.CompanyId}/exports", new { scope = new { year = 2026, month = 1 }, format = "payslips-zip" });
        var draft = await client.PostAsJsonAsync($"/api/companies/{scenario.CompanyId}/exports", new { scope = new { payrollId = scenario.DraftMarch }, format = "payslips-zip" });
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link.Url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        var tampered = await app.CreateAnonymousClient().GetAsync(
            QueryHelpers.AddQueryString(IExportLinks.DownloadPath, new Dictionary<string, string?>(query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))) { ["scope"] = scenario.February.ToString() }));
        var target = new ExportTarget(scenario.CompanyId, ExportScope.ForPayroll(scenario.January), WireFormats.PayslipsZip);
        var expired = new HmacExportLinks(ExportSigningKeys.Parse(key), new ShiftedClock(TimeSpan.FromMinutes(-10)), WireFormats.Registered).Issue(target, TimeSpan.FromMinutes(1));
        var expiredDownload = await app.CreateAnonymousClient().GetAsync(expired.Url);

        link.ExpiresAt.ShouldNotBeNull();
        link.Url.ShouldContain("format=payslips-zip");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        zip.Entries.Count.ShouldBe(6, "one payslip per line of January");
        (await month.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("scope").ShouldNotBeEmpty();
        (await draft.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("payslip.payroll_draft");
        (await tampered.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("type").GetString().ShouldBe("https://payrollportal.dev/problems/export-link-invalid");
        (await expiredDownload.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("type").GetString().ShouldBe("https://payrollportal.dev/problems/export-link-invalid");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DownloadPayslipsZip_ShouldSendTheFirstBytesBeforeTheLastPayslipIsRendered(DatabaseProvider provider)
    {
        var gate = new GatedRenderer.Gate();
        await using var app = await PayrollApp.StartAsync(provider, services: services => GatedRenderer.Install(services, gate));
        var company = await app.CompanyAsync("many");
        var lines = new List<PayrollLineRequest>();
        for (var i = 0; i < 12; i++)
        {
            var employee = await app.EmployeeAsync(company.Id, $"123-45-{6700 + i}", "Worker", $"No{i}");
            lines.Add(Samples.UsLine(employee.Id, 2000m + i));
        }

        var created = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(
            company.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 30), "monthly", lines));
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, created.Value!.Id));
        gate.Last = "2026-01-30_Worker_No11.pdf";

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/companies/{company.Id}/payrolls/{created.Value.Id}/payslips.zip");
        using var response = await app.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var head = new byte[4];
        await body.ReadExactlyAsync(head);
        var renderedBeforeTheFirstBytes = gate.LastRendered;
        gate.Open();
        using var rest = new MemoryStream();
        await body.CopyToAsync(rest);

        head.ShouldBe("PK\u0003\u0004"u8.ToArray(), "a ZIP's first local file header");
        renderedBeforeTheFirstBytes.ShouldBeFalse("the last payslip waits for the gate, which opens only once the first bytes arrived");
        gate.LastRendered.ShouldBeTrue();
    }

    private static async Task<string[]> AuditActionsAsync(PayrollApp app, Guid companyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        return [.. await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT action FROM audit_events WHERE company_id = @companyId", new { companyId })];
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }
}
