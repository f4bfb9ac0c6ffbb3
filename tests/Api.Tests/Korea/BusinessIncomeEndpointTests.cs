using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Tests.Exports;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>
/// The business-income endpoints over HTTP: status codes, problem shapes naming the field, roles and tenancy, the masked export
/// and the month's report. The arithmetic itself is tested through the pipeline (Application.Tests, BusinessIncomeSheetTests).
/// </summary>
public sealed class BusinessIncomeEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PostPayeeAndSheet_ShouldAnswer201WithTheFiguresAndGetShouldReadThemBack(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);

        var payeeResponse = await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/payees", Payee("900101-1234567"));
        payeeResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var payee = await payeeResponse.Content.ReadFromJsonAsync<JsonElement>();
        payeeResponse.Headers.Location!.ToString().ShouldBe($"/api/companies/{companyId}/business-income/payees/{payee.GetProperty("id").GetGuid()}");
        payee.GetProperty("residentRegistrationNumber").GetString().ShouldBe("******-***4567");
        (await payeeResponse.Content.ReadAsStringAsync()).ShouldNotContain("1234567");

        var sheetResponse = await client.PostAsJsonAsync(
            $"/api/companies/{companyId}/business-income/sheets",
            new { payDate = "2026-03-10", lines = new[] { new { payeeId = payee.GetProperty("id").GetGuid(), amount = 1_234_567 } } });
        sheetResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var sheet = await sheetResponse.Content.ReadFromJsonAsync<JsonElement>();
        var read = await client.GetFromJsonAsync<JsonElement>(sheetResponse.Headers.Location!.ToString());

        read.GetProperty("status").GetString().ShouldBe("draft");
        var line = read.GetProperty("lines")[0];
        line.GetProperty("amount").GetRawText().ShouldBe("1234567");
        line.GetProperty("incomeTax").GetRawText().ShouldBe("37030");
        line.GetProperty("localIncomeTax").GetRawText().ShouldBe("3700");
        line.GetProperty("netAmount").GetRawText().ShouldBe("1193837");
        line.GetProperty("incomeTaxRate").GetRawText().ShouldBe("3");
        read.GetProperty("totals").GetProperty("payees").GetInt32().ShouldBe(1);
        read.GetRawText().ShouldBe(sheet.GetRawText());

        var approved = await client.PostAsync($"/api/companies/{companyId}/business-income/sheets/{sheet.GetProperty("id").GetGuid()}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var voided = await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/sheets/{sheet.GetProperty("id").GetGuid()}/void", new { reason = "Paid twice" });
        (await voided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("voided");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadInput_ShouldBe400NamingTheField_ClosedMonth409_ViewerForbidden_OtherCompanyNotFound_AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);
        var otherId = await KoreaSamples.CreateKoreaCompanyAsync(client, "busan-trading");
        var payeeId = await PayeeIdAsync(client, companyId, "900101-1234567");
        (await client.PostAsync($"/api/companies/{companyId}/periods/2026-02/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var viewer = await app.CreateClientAsync("viewer", companyId);
        var outsider = await app.CreateClientAsync("payroll_manager", otherId);
        var sheets = $"/api/companies/{companyId}/business-income/sheets";
        var before = await StoredAsync(app);

        var badRrn = await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/payees", Payee("901301-1234567"));
        var negative = await client.PostAsJsonAsync(sheets, Sheet("2026-03-10", payeeId, -1));
        var tooLarge = await client.PostAsJsonAsync(sheets, Sheet("2026-03-10", payeeId, 1_000_000_000_001));
        var closed = await client.PostAsJsonAsync(sheets, Sheet("2026-02-25", payeeId, 1_000));
        var byViewer = await viewer.PostAsJsonAsync(sheets, Sheet("2026-03-10", payeeId, 1_000));
        var viewerPayee = await viewer.PostAsJsonAsync($"/api/companies/{companyId}/business-income/payees", Payee("850505-2345678"));
        var byOutsider = await outsider.PostAsJsonAsync(sheets, Sheet("2026-03-10", payeeId, 1_000));
        var outsiderRead = await outsider.GetAsync($"/api/companies/{companyId}/business-income/payees");

        (await badRrn.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("residentRegistrationNumber").ShouldNotBeEmpty();
        (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].amount").ShouldNotBeEmpty();
        (await tooLarge.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("lines[0].amount").ShouldNotBeEmpty();
        (await closed.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("period.closed");
        await byViewer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await viewerPayee.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await byOutsider.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await outsiderRead.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/companies/{companyId}/business-income/payees")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Endpoints_ForAUsFederalCompany_ShouldAnswer409RegimeUnsupported(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var us = await app.CompanyAsync();

        var post = await client.PostAsJsonAsync($"/api/companies/{us.Id}/business-income/payees", Payee("900101-1234567"));
        var list = await client.GetAsync($"/api/companies/{us.Id}/business-income/sheets?year=2026");

        (await post.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("business_income.regime_unsupported");
        (await list.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("business_income.regime_unsupported");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_ForASheet_ShouldCarryTheStatementFieldsWithTheNumberMaskedToItsLastFour_InCsvAndXlsx(DatabaseProvider provider)
    {
        await using var app = await ExportScenario.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);
        var kim = await PayeeIdAsync(client, companyId, "900101-1987654", "=김하늘");
        var smith = await PayeeIdAsync(client, companyId, "750312-5123456", "John Smith", "nonresident");
        var created = await client.PostAsJsonAsync(
            $"/api/companies/{companyId}/business-income/sheets",
            new { payDate = "2026-03-10", lines = new object[] { new { payeeId = kim, amount = 1_234_567 }, new { payeeId = smith, amount = 1_000_000 } } });
        var sheetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var draftLink = await ExportScenario.IssueAsync(client, companyId, new { businessIncomeSheetId = sheetId }, "csv");
        var draft = await client.GetAsync(draftLink.Url);
        draft.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"business-income-seoul-trading-2026-03-{sheetId}-DRAFT.csv");
        (await client.PostAsync($"/api/companies/{companyId}/business-income/sheets/{sheetId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var csvLink = await ExportScenario.IssueAsync(client, companyId, new { businessIncomeSheetId = sheetId }, "csv");
        var bytes = await client.GetByteArrayAsync(csvLink.Url);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        text.ShouldNotContain("1987654");
        text.ShouldNotContain("900101");
        text.ShouldNotContain("5123456");
        var records = Csv.Parse(text);
        records[0].ShouldBe(BusinessIncomeExports.Layout.Headers);
        int Column(string header) => BusinessIncomeExports.Layout.Headers.ToList().IndexOf(header);
        var kimRow = records[1];
        kimRow[Column("Payee / 소득자 성명")].ShouldBe("'=김하늘");
        kimRow[Column("RRN / 주민등록번호 (masked)")].ShouldBe("******-***7654");
        kimRow[Column("Pay date / 지급일")].ShouldBe("2026-03-10");
        kimRow[Column("Amount paid / 지급액")].ShouldBe("1234567");
        kimRow[Column("Income tax / 소득세")].ShouldBe("37030");
        kimRow[Column("Local income tax / 지방소득세")].ShouldBe("3700");
        kimRow[Column("Net paid / 차인지급액")].ShouldBe("1193837");
        kimRow[Column("Business type code / 업종코드")].ShouldBe("940909");
        kimRow[Column("Residency / 거주구분")].ShouldBe("resident / 거주자");
        kimRow[Column("Income tax rate % / 세율")].ShouldBe("3");
        kimRow[Column("Pay month / 지급연월")].ShouldBe("2026-03");
        records[2][Column("RRN / 주민등록번호 (masked)")].ShouldBe("******-***3456");
        records[2][Column("Income tax / 소득세")].ShouldBe("200000");
        records[2][Column("Income tax rate % / 세율")].ShouldBe("20");
        records[^1][Column("Amount paid / 지급액")].ShouldBe("2234567");
        records[^1][Column("Income tax / 소득세")].ShouldBe("237030");
        records[^1][Column("Local income tax / 지방소득세")].ShouldBe("23700");

        var xlsxLink = await ExportScenario.IssueAsync(client, companyId, new { businessIncomeSheetId = sheetId }, "xlsx");
        using var xlsx = new Xlsx(await client.GetByteArrayAsync(xlsxLink.Url));
        var rows = xlsx.Rows(xlsx.SheetNames[0]);
        rows[0].Select(c => c.Text).ShouldBe(BusinessIncomeExports.Layout.Headers);
        rows[1][Column("RRN / 주민등록번호 (masked)")].Text.ShouldBe("******-***7654");
        rows[1][Column("Income tax / 소득세")].Number.ShouldBe(37_030m);
        rows[1][Column("Income tax / 소득세")].NumberFormat.ShouldBe("#,##0");

        (await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/sheets/{sheetId}/void", new { reason = "Paid twice" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterVoid = await client.PostAsJsonAsync($"/api/companies/{companyId}/exports", new { scope = new { businessIncomeSheetId = sheetId }, format = "csv" });
        (await afterVoid.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("export.business_income_sheet_voided");
        var unknown = await client.PostAsJsonAsync($"/api/companies/{companyId}/exports", new { scope = new { businessIncomeSheetId = Guid.NewGuid() }, format = "csv" });
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var misspelt = await client.PostAsJsonAsync($"/api/companies/{companyId}/exports", new { scope = new { sheetId = Guid.NewGuid() }, format = "csv" });
        (await misspelt.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("scope.sheetId").ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MonthReport_ShouldAddTheApprovedSheetsTotals_PayeesAmountIncomeTaxAndLocalTax(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(client);
        var kim = await PayeeIdAsync(client, companyId, "900101-1234567");
        var lee = await PayeeIdAsync(client, companyId, "850505-2345678");
        var march10 = await SheetIdAsync(client, companyId, Sheet2("2026-03-10", (kim, 1_000_000), (lee, 1_234_567)));
        var march25 = await SheetIdAsync(client, companyId, Sheet2("2026-03-25", (kim, 500_000)));
        await SheetIdAsync(client, companyId, Sheet2("2026-03-26", (lee, 9_999_999))); // a draft: not counted
        var voided = await SheetIdAsync(client, companyId, Sheet2("2026-03-27", (lee, 7_777_777)));
        var april = await SheetIdAsync(client, companyId, Sheet2("2026-04-10", (lee, 100_000)));
        foreach (var id in new[] { march10, march25, voided, april })
        {
            (await client.PostAsync($"/api/companies/{companyId}/business-income/sheets/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/sheets/{voided}/void", new { reason = "Wrong amount" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var march = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&month=3")).GetProperty("businessIncome");
        var quarter = (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/withholding?year=2026&quarter=2")).GetProperty("businessIncome");

        // March: 1,000,000 + 1,234,567 + 500,000 = 2,734,567; income tax 30,000 + 37,030 + 15,000 = 82,030; local 3,000 + 3,700 + 1,500 = 8,200.
        march.GetProperty("payees").GetInt32().ShouldBe(2);
        march.GetProperty("amount").GetInt64().ShouldBe(2_734_567);
        march.GetProperty("incomeTax").GetInt64().ShouldBe(82_030);
        march.GetProperty("localIncomeTax").GetInt64().ShouldBe(8_200);
        march.GetProperty("months")[0].GetProperty("month").GetInt32().ShouldBe(3);
        // Q2: April only, 100,000: 3,000 and 300.
        quarter.GetProperty("payees").GetInt32().ShouldBe(1);
        quarter.GetProperty("amount").GetInt64().ShouldBe(100_000);
        quarter.GetProperty("incomeTax").GetInt64().ShouldBe(3_000);
        quarter.GetProperty("localIncomeTax").GetInt64().ShouldBe(300);
        quarter.GetProperty("months").GetArrayLength().ShouldBe(3);
    }

    private static object Payee(string rrn, string name = "김하늘", string residentType = "resident") =>
        new { name, residentRegistrationNumber = rrn, residentType, businessTypeCode = "940909" };

    private static object Sheet(string payDate, Guid payeeId, long amount) => new { payDate, lines = new[] { new { payeeId, amount } } };

    private static object Sheet2(string payDate, params (Guid PayeeId, long Amount)[] lines) =>
        new { payDate, lines = lines.Select(l => new { payeeId = l.PayeeId, amount = l.Amount }).ToArray() };

    private static async Task<Guid> PayeeIdAsync(HttpClient client, Guid companyId, string rrn, string name = "김하늘", string residentType = "resident")
    {
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/payees", Payee(rrn, name, residentType));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> SheetIdAsync(HttpClient client, Guid companyId, object sheet)
    {
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/sheets", sheet);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> StoredAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var counts = await connection.QuerySingleAsync<(long Payees, long Sheets, long Lines, long Events)>(
            """
            SELECT (SELECT count(*) FROM business_income_payees), (SELECT count(*) FROM business_income_sheets), (SELECT count(*) FROM business_income_lines),
                   (SELECT count(*) FROM audit_events WHERE action LIKE 'business_income.%')
            """);
        return counts.ToString();
    }
}
