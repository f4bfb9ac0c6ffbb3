using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>PATCH of a kr employee: a new effective-dated profile, a corrected 주민등록번호, per-field errors, access.</summary>
public sealed class KoreaEmployeeUpdateTests
{
    /// <summary>From October: three dependents, 80%, and a childcare allowance of 100,000 beside the meals.</summary>
    private static object NewProfile(string? effectiveDate = "2026-10-01") => new
    {
        kr = new
        {
            dependents = 3,
            childrenAged8To20 = 0,
            withholdingRatio = 80,
            nonTaxable = new { meals = 200_000, carAllowance = 0, childcare = 100_000 },
            effectiveDate,
        },
    };

    private static object Payroll(Guid kim, string payDate) => new
    {
        periodStart = payDate[..8] + "01",
        periodEnd = payDate[..8] + "28",
        payDate,
        payFrequency = "monthly",
        lines = new object[] { new { employeeId = kim, basePay = 3_800_000, taxableAllowances = 200_000 } },
    };

    private static long Krw(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WithANewProfile_ShouldStoreItAndPayrollsShouldUseTheProfileInEffectOnThePayDate(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, _) = await KoreaSamples.SetUpKoreaPayrollAsync(app);

        var response = await client.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{kim}", NewProfile());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var kr = body.GetProperty("kr");
        kr.GetProperty("dependents").GetInt32().ShouldBe(3);
        kr.GetProperty("withholdingRatio").GetInt32().ShouldBe(80);
        kr.GetProperty("nonTaxable").GetProperty("childcare").GetInt64().ShouldBe(100_000);
        kr.GetProperty("effectiveDate").GetString().ShouldBe("2026-10-01");
        body.GetProperty("krHistory").EnumerateArray().Select(p => p.GetProperty("effectiveDate").GetString()).ShouldBe(["2026-01-02", "2026-10-01"]);
        await using (var connection = await app.Database.OpenAsync())
        {
            (await connection.QueryAsync<(string, int, int)>(
                    "SELECT CAST(effective_date AS TEXT), dependents, withholding_ratio FROM employee_kr_profiles WHERE employee_id = @kim ORDER BY effective_date",
                    new { kim }))
                .ShouldBe([("2026-01-02", 1, 100), ("2026-10-01", 3, 80)]);
        }

        // September, before the new profile: one dependent, 100%, meals only (the figures of KoreaPayrollTests).
        var september = (await (await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", Payroll(kim, "2026-09-25")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0];
        var old = september.GetProperty("kr");
        (Krw(old, "incomeTax"), Krw(old, "localIncomeTax"), Krw(old, "nonTaxablePay")).ShouldBe((195_960L, 19_590L, 200_000L));
        september.GetProperty("netPay").GetInt64().ShouldBe(3_595_760);

        // October: table cell 109,590 for 4,000,000 and three dependents, x 80% = 87,672 -> 87,670; local 8,760.
        // Gross 4,300,000 (childcare 100,000 now non-taxable too); deductions 190,000 + 143,800 + 18,890 + 36,000 + 87,670 + 8,760.
        var october = (await (await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", Payroll(kim, "2026-10-25")))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0];
        var updated = october.GetProperty("kr");
        (Krw(updated, "nationalPension"), Krw(updated, "healthInsurance"), Krw(updated, "longTermCare"), Krw(updated, "employmentInsurance"))
            .ShouldBe((190_000L, 143_800L, 18_890L, 36_000L));
        (Krw(updated, "incomeTax"), Krw(updated, "localIncomeTax")).ShouldBe((87_670L, 8_760L));
        (Krw(updated, "taxablePay"), Krw(updated, "nonTaxablePay")).ShouldBe((4_000_000L, 300_000L));
        october.GetProperty("netPay").GetInt64().ShouldBe(3_814_880);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WithACorrectedRrn_ShouldReEncryptAndReIndexItAndRefuseADuplicate(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, lee) = await KoreaSamples.SetUpKoreaPayrollAsync(app);
        await using var connection = await app.Database.OpenAsync();
        var before = await connection.QuerySingleAsync<(string Ciphertext, string BlindIndex)>(
            "SELECT ssn_ciphertext, ssn_blind_index FROM employees WHERE id = @kim", new { kim });

        var response = await client.PatchAsJsonAsync(
            $"/api/companies/{companyId}/employees/{kim}", new { residentRegistrationNumber = "900101-1765432", firstName = "민재" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("ssnMasked").GetString().ShouldBe("******-***5432");
        body.GetProperty("firstName").GetString().ShouldBe("민재");
        body.GetProperty("kr").GetProperty("dependents").GetInt32().ShouldBe(1);
        var after = await connection.QuerySingleAsync<(string Ciphertext, string BlindIndex, string Last4)>(
            "SELECT ssn_ciphertext, ssn_blind_index, ssn_last4 FROM employees WHERE id = @kim", new { kim });
        after.Last4.ShouldBe("5432");
        after.Ciphertext.ShouldNotBe(before.Ciphertext);
        after.BlindIndex.ShouldNotBe(before.BlindIndex);
        after.Ciphertext.ShouldNotContain("1765432");
        var audit = string.Join('\n', await connection.QueryAsync<string>("SELECT details FROM audit_events"));
        foreach (var seen in new[] { text, audit, app.Logs.All })
        {
            seen.ShouldNotContain("1765432");
            seen.ShouldNotContain("9001011");
        }

        // The old number is free again; Lee's is taken.
        var duplicate = await client.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{kim}", new { residentRegistrationNumber = "8505052345678" });
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).FieldErrors("residentRegistrationNumber").ShouldNotBeEmpty();
        (await connection.ExecuteScalarAsync<string>("SELECT ssn_last4 FROM employees WHERE id = @kim", new { kim })).ShouldBe("5432");
        var reused = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaSamples.KoreaEmployee("900101-1234567"));
        reused.StatusCode.ShouldBe(HttpStatusCode.Created);
        lee.ShouldNotBe(kim);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WithBadInput_ShouldReturn400NamingEachFieldAndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, _) = await KoreaSamples.SetUpKoreaPayrollAsync(app);
        var usCompany = (await (await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var usEmployee = (await (await client.PostAsJsonAsync(
                $"/api/companies/{usCompany}/employees",
                new { firstName = "Ada", lastName = "Lovelace", ssn = "123-45-6789", hireDate = "2026-01-02", payFrequency = "monthly", w4 = new { version = "2020", filingStatus = "single" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var invalid = await client.PatchAsJsonAsync(
            $"/api/companies/{companyId}/employees/{kim}",
            new
            {
                residentRegistrationNumber = "900230-1234567",
                kr = new { dependents = 0, childrenAged8To20 = -1, withholdingRatio = 90, nonTaxable = new { meals = 1.5m } },
            });
        var usFields = await client.PatchAsJsonAsync(
            $"/api/companies/{companyId}/employees/{kim}",
            new { ssn = "123-45-6789", w4 = new { version = "2020", filingStatus = "single" }, w4EffectiveDate = "2026-10-01", payFrequency = "weekly" });
        var krFields = await client.PatchAsJsonAsync(
            $"/api/companies/{usCompany}/employees/{usEmployee}", new { residentRegistrationNumber = "900101-1234567", kr = new { dependents = 1, effectiveDate = "2026-10-01" } });
        var cleared = await client.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{kim}", new { kr = (object?)null });

        var problem = await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "residentRegistrationNumber", "kr.dependents", "kr.childrenAged8To20", "kr.withholdingRatio", "kr.nonTaxable.meals", "kr.effectiveDate" })
        {
            problem.FieldErrors(field).ShouldNotBeEmpty(field);
        }

        var mismatch = await usFields.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "ssn", "w4", "w4EffectiveDate", "payFrequency" })
        {
            mismatch.FieldErrors(field).Single().ShouldContain("kr", customMessage: field);
        }

        var usMismatch = await krFields.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        usMismatch.FieldErrors("residentRegistrationNumber").ShouldNotBeEmpty();
        usMismatch.FieldErrors("kr").ShouldNotBeEmpty();
        (await cleared.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("kr").ShouldNotBeEmpty();

        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM employee_kr_profiles WHERE employee_id = @kim", new { kim })).ShouldBe(1);
        (await connection.ExecuteScalarAsync<string>("SELECT ssn_last4 FROM employees WHERE id = @kim", new { kim })).ShouldBe("4567");
        (await connection.ExecuteScalarAsync<string>("SELECT ssn_last4 FROM employees WHERE id = @usEmployee", new { usEmployee })).ShouldBe("6789");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_ByAViewerOrThroughAnotherCompany_ShouldReturn403Or404AndChangeNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (client, companyId, kim, _) = await KoreaSamples.SetUpKoreaPayrollAsync(app);
        var otherCompany = await KoreaSamples.CreateKoreaCompanyAsync(client, "busan-trading");
        var viewer = await app.CreateClientAsync("viewer", companyId);
        var manager = await app.CreateClientAsync("payroll_manager", otherCompany);

        var byViewer = await viewer.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{kim}", NewProfile());
        var throughOther = await client.PatchAsJsonAsync($"/api/companies/{otherCompany}/employees/{kim}", NewProfile());
        var byForeignManager = await manager.PatchAsJsonAsync($"/api/companies/{otherCompany}/employees/{kim}", NewProfile());

        await byViewer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await throughOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await byForeignManager.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM employee_kr_profiles WHERE employee_id = @kim", new { kim })).ShouldBe(1);
    }
}
