using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>
/// The HTTP contract of /api/companies/{companyId}/payrolls and /withholding: the lifecycle's status codes, every rule's 400
/// naming its field, withholding equal to the preview API's with year-to-date applied, and report totals to the cent.
/// </summary>
public sealed class PayrollEndpointTests
{
    private const string HighSsn = "212-34-5678";
    private const string LowSsn = "323-45-6789";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenMonthlyPayrollsFollowApprovedOnes_ShouldWithholdExactlyAsThePreviewWithYearToDate(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var bodies = new List<string>();
        var ytd = new Dictionary<Guid, (decimal SocialSecurity, decimal Medicare, decimal Supplemental)>();
        var firstHighSocialSecurity = 0m;

        foreach (var month in new[] { 1, 2, 3 })
        {
            var response = await client.PostAsync(company.Payrolls, HttpRequests.Json(Payroll(month, company.HighId, company.LowId)));

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var text = await response.Content.ReadAsStringAsync();
            bodies.Add(text);
            var payroll = JsonDocument.Parse(text).RootElement;
            payroll.GetProperty("status").GetString().ShouldBe("draft");
            response.Headers.Location!.ToString().ShouldBe($"{company.Payrolls}/{payroll.GetProperty("id").GetString()}");
            bodies.Add(await client.GetStringAsync(response.Headers.Location));
            foreach (var line in payroll.GetProperty("lines").EnumerateArray())
            {
                var employeeId = line.GetProperty("employeeId").GetGuid();
                var preview = await PreviewAsync(client, company, line, ytd.GetValueOrDefault(employeeId));
                foreach (var tax in new[] { "federalIncomeTax", "socialSecurity", "medicare", "additionalMedicare" })
                {
                    line.GetProperty("withholdings").GetProperty(tax).GetDecimal().ShouldBe(preview.GetProperty(tax).GetDecimal(), $"{tax} in month {month}");
                }

                line.GetProperty("employerTaxes").GetProperty("socialSecurity").GetDecimal().ShouldBe(preview.GetProperty("employer").GetProperty("socialSecurity").GetDecimal());
                line.GetProperty("employerTaxes").GetProperty("medicare").GetDecimal().ShouldBe(preview.GetProperty("employer").GetProperty("medicare").GetDecimal());
                var wages = line.GetProperty("taxableWages");
                var before = ytd.GetValueOrDefault(employeeId);
                ytd[employeeId] = (before.SocialSecurity + wages.GetProperty("socialSecurity").GetDecimal(), before.Medicare + wages.GetProperty("medicare").GetDecimal(),
                    before.Supplemental + line.GetProperty("supplementalWages").GetDecimal());
                if (employeeId == company.HighId && month == 1)
                {
                    firstHighSocialSecurity = line.GetProperty("withholdings").GetProperty("socialSecurity").GetDecimal();
                }

                if (employeeId == company.HighId && month == 3)
                {
                    // Year-to-date mattered: the wage base is used up and Additional Medicare has started.
                    line.GetProperty("withholdings").GetProperty("socialSecurity").GetDecimal().ShouldBeLessThan(firstHighSocialSecurity);
                    line.GetProperty("withholdings").GetProperty("additionalMedicare").GetDecimal().ShouldBeGreaterThan(0m);
                }
            }

            var approved = await client.PostAsync($"{response.Headers.Location}/approve", null);
            approved.StatusCode.ShouldBe(HttpStatusCode.OK);
            bodies.Add(await approved.Content.ReadAsStringAsync());
        }

        foreach (var seen in bodies.Append(app.Logs.All))
        {
            seen.ShouldNotContain(HighSsn);
            seen.ShouldNotContain(HighSsn.Replace("-", string.Empty, StringComparison.Ordinal));
            seen.ShouldNotContain(LowSsn.Replace("-", string.Empty, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Report_WhenSomePayrollsAreApproved_ShouldTotalExactlyTheApprovedLinesToTheCent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var january = await ApprovedAsync(client, company, 1);
        var february = await ApprovedAsync(client, company, 2);
        await PostAsync(client, company, 3);
        var april = await ApprovedAsync(client, company, 4);
        var approvedLines = new[] { january, february }.SelectMany(p => p.GetProperty("lines").EnumerateArray()).ToList();

        var quarter = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&quarter=1");
        var month = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&month=2");

        var totals = quarter.GetProperty("totals");
        decimal Sum(Func<JsonElement, decimal> pick) => approvedLines.Sum(pick);
        decimal Tax(JsonElement line, string group, string name) => line.GetProperty(group).GetProperty(name).GetDecimal();
        totals.GetProperty("wages").GetDecimal().ShouldBe(Sum(l => l.GetProperty("grossWages").GetDecimal() + l.GetProperty("supplementalWages").GetDecimal()));
        totals.GetProperty("federalIncomeTax").GetDecimal().ShouldBe(Sum(l => Tax(l, "withholdings", "federalIncomeTax")));
        totals.GetProperty("socialSecurityWages").GetDecimal().ShouldBe(Sum(l => Tax(l, "taxableWages", "socialSecurity")));
        totals.GetProperty("socialSecurityEmployee").GetDecimal().ShouldBe(Sum(l => Tax(l, "withholdings", "socialSecurity")));
        totals.GetProperty("socialSecurityEmployer").GetDecimal().ShouldBe(Sum(l => Tax(l, "employerTaxes", "socialSecurity")));
        totals.GetProperty("medicareWages").GetDecimal().ShouldBe(Sum(l => Tax(l, "taxableWages", "medicare")));
        totals.GetProperty("medicareEmployee").GetDecimal().ShouldBe(Sum(l => Tax(l, "withholdings", "medicare")));
        totals.GetProperty("medicareEmployer").GetDecimal().ShouldBe(Sum(l => Tax(l, "employerTaxes", "medicare")));
        totals.GetProperty("additionalMedicare").GetDecimal().ShouldBe(Sum(l => Tax(l, "withholdings", "additionalMedicare")));
        totals.GetProperty("totalLiability").GetDecimal().ShouldBe(Sum(l =>
            Tax(l, "withholdings", "federalIncomeTax") + Tax(l, "withholdings", "socialSecurity") + Tax(l, "employerTaxes", "socialSecurity")
            + Tax(l, "withholdings", "medicare") + Tax(l, "employerTaxes", "medicare") + Tax(l, "withholdings", "additionalMedicare")));
        totals.GetProperty("payrollCount").GetInt32().ShouldBe(2);
        quarter.GetProperty("employeeCount").GetInt32().ShouldBe(2);
        quarter.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("payrollCount").GetInt32()).ShouldBe([1, 1, 0]);
        month.GetProperty("totals").GetProperty("federalIncomeTax").GetDecimal()
            .ShouldBe(february.GetProperty("totals").GetProperty("federalIncomeTax").GetDecimal());
        month.GetProperty("totals").GetProperty("totalLiability").GetDecimal()
            .ShouldBe(quarter.GetProperty("months")[1].GetProperty("totalLiability").GetDecimal());
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/withholding?year=2026&quarter=2");
        second.GetProperty("totals").GetProperty("federalIncomeTax").GetDecimal().ShouldBe(april.GetProperty("totals").GetProperty("federalIncomeTax").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_WhenFilteredByYearMonthOrStatus_ShouldReturnOnlyThePayrollsThatMatch(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var january = (await ApprovedAsync(client, company, 1)).GetProperty("id").GetString();
        var february = (await PostAsync(client, company, 2)).GetProperty("id").GetString();
        var march = (await PostAsync(client, company, 3)).GetProperty("id").GetString();

        async Task<string?[]> ListAsync(string query) =>
            [.. (await client.GetFromJsonAsync<JsonElement>($"{company.Payrolls}?{query}")).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("id").GetString())];

        (await ListAsync(string.Empty)).ShouldBe([january, february, march]);
        (await ListAsync("year=2026&month=2")).ShouldBe([february]);
        (await ListAsync("status=approved")).ShouldBe([january]);
        (await ListAsync("status=draft&year=2026")).ShouldBe([february, march]);
        (await ListAsync("year=2025")).ShouldBeEmpty();
        (await ListAsync("limit=2")).ShouldBe([january, february]);
        await (await client.GetAsync($"{company.Payrolls}?month=2")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await client.GetAsync($"{company.Payrolls}?year=2026&status=paid")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("status").ShouldNotBeEmpty();
        await (await client.GetAsync($"{company.Payrolls}?year=2026&month=13")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lifecycle_WhenATransitionIsNotAllowed_ShouldReturn409AndVoidShouldNeedAReason(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var draft = await PostAsync(client, company, 1);
        var url = $"{company.Payrolls}/{draft.GetProperty("id").GetString()}";

        var voidDraft = await client.PostAsync($"{url}/void", HttpRequests.Json(new JsonObject { ["reason"] = "typo" }));
        (await voidDraft.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("payroll.not_approved");
        var replaced = await client.PutAsync($"{url}/lines", HttpRequests.Json(new JsonObject { ["lines"] = Lines(company.LowId) }));
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals").GetProperty("lineCount").GetInt32().ShouldBe(1);
        (await client.PostAsync($"{url}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var approveAgain = await client.PostAsync($"{url}/approve", null);
        (await approveAgain.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("payroll.not_draft");
        var edit = await client.PutAsync($"{url}/lines", HttpRequests.Json(new JsonObject { ["lines"] = Lines(company.HighId, company.LowId) }));
        await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        foreach (var reason in new JsonNode?[] { null, "", "   " })
        {
            var noReason = await client.PostAsync($"{url}/void", HttpRequests.Json(new JsonObject { ["reason"] = reason?.DeepClone() }));
            (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason").ShouldNotBeEmpty();
        }

        var voided = await client.PostAsync($"{url}/void", HttpRequests.Json(new JsonObject { ["reason"] = "Paid twice by mistake" }));
        voided.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await voided.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("voided");
        body.GetProperty("voidReason").GetString().ShouldBe("Paid twice by mistake");
        var fetched = await client.GetFromJsonAsync<JsonElement>(url);
        fetched.GetProperty("status").GetString().ShouldBe("voided");
        fetched.GetProperty("lines").GetArrayLength().ShouldBe(1);
    }

    /// <summary>
    /// How a broken rule reaches the client: malformed values and a rule on an indexed line, each a 400 naming its field.
    /// The payroll rules themselves are tested through the pipeline (Application.Tests, PayrollUseCaseTests).
    /// </summary>
    public static TheoryData<DatabaseProvider, string, string> BrokenRules()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, "impossible date", "periodStart");
            data.Add(provider, "unknown pay frequency", "payFrequency");
            data.Add(provider, "the same employee twice", "lines[1].employeeId");
            data.Add(provider, "wages that are not a number", "lines[0].grossWages");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Post_WhenARuleIsBroken_ShouldReturn400ProblemNamingTheFieldAndStoreNothing(DatabaseProvider provider, string rule, string field)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var body = Payroll(1, company.HighId, company.LowId);
        switch (rule)
        {
            case "impossible date":
                body["periodStart"] = "2026-13-05";
                break;
            case "unknown pay frequency":
                body["payFrequency"] = "fortnightly";
                break;
            case "the same employee twice":
                body["lines"]![1]!["employeeId"] = company.HighId;
                break;
            case "wages that are not a number":
                body["lines"]![0]!["grossWages"] = "lots";
                break;
        }

        var response = await client.PostAsync(company.Payrolls, HttpRequests.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty();
        (await client.GetFromJsonAsync<JsonElement>(company.Payrolls)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Requests_WhenCompanyOrPayrollIsUnknown_ShouldReturn404Problems(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var other = await StaffAsync(client, "other");
        var otherPayroll = (await PostAsync(client, other, 1)).GetProperty("id").GetString();
        var nobody = Guid.NewGuid();

        await (await client.PostAsync($"/api/companies/{nobody}/payrolls", HttpRequests.Json(Payroll(1, company.HighId)))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/companies/{nobody}/payrolls")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/companies/{nobody}/withholding?year=2026&quarter=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var id in new[] { nobody.ToString(), otherPayroll })
        {
            var url = $"{company.Payrolls}/{id}";
            await (await client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PutAsync($"{url}/lines", HttpRequests.Json(new JsonObject { ["lines"] = Lines(company.HighId) }))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync($"{url}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync($"{url}/void", HttpRequests.Json(new JsonObject { ["reason"] = "x" }))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Requests_WhenBodiesOrQueriesAreMalformedOrHostile_ShouldNeverReturn5xx(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        var draftUrl = $"{company.Payrolls}/{(await PostAsync(client, company, 1)).GetProperty("id").GetString()}";
        var high = company.HighId.ToString();
        string[] bodies =
        [
            "", "null", "[]", "{}", "\"x\"", "{\"lines\": null}", "{\"lines\": [null]}", "{\"lines\": [{}]}", "{\"lines\": {}}",
            "{\"lines\": [{\"employeeId\": \"not-a-guid\", \"grossWages\": 1}]}",
            "{\"lines\": [{\"employeeId\": \"00000000-0000-0000-0000-000000000000\", \"grossWages\": 1}]}",
            $"{{\"lines\": [{{\"employeeId\": \"{high}\", \"grossWages\": 1e300}}]}}",
            $"{{\"lines\": [{{\"employeeId\": \"{high}\", \"grossWages\": 0.001}}]}}",
            $"{{\"lines\": [{{\"employeeId\": \"{high}\", \"grossWages\": 99999999999999999}}]}}",
            $"{{\"lines\": [{{\"employeeId\": \"{high}\", \"grossWages\": 100, \"postTaxDeductions\": 5000}}]}}",
            $"{{\"lines\": [{{\"employeeId\": \"{high}\", \"grossWages\": 100, \"preTaxDeductions\": {{\"retirement\": 500}}}}]}}",
            $"{{\"lines\": [{{\"employeeId\": \"{high}\", \"grossWages\": 100, \"preTaxDeductions\": []}}]}}",
            "{\"periodStart\": \"0001-01-01\", \"periodEnd\": \"9999-12-31\", \"payDate\": \"9999-12-31\"}",
            "{\"payDate\": \"1900-01-01\"}", "{\"payFrequency\": null}", "{\"reason\": 5}", "{\"reason\": \"" + new string('r', 5000) + "\"}",
        ];

        foreach (var body in bodies)
        {
            var merged = body.StartsWith('{') && body.Length > 2 ? Merge(Payroll(2, company.HighId), body) : body;
            var statuses = new[]
            {
                (await client.PostAsync(company.Payrolls, Raw(merged))).StatusCode,
                (await client.PutAsync($"{draftUrl}/lines", Raw(body))).StatusCode,
                (await client.PostAsync($"{draftUrl}/void", Raw(body))).StatusCode,
            };
            statuses.ShouldAllBe(s => (int)s < 500, body.Length > 200 ? body[..200] : body);
        }

        foreach (var query in new[] { "year=-1", "year=99999999999", "month=0&year=2026", "limit=0", "limit=100000", "cursor=%%%", "cursor=AAAA", "status=" })
        {
            ((int)(await client.GetAsync($"{company.Payrolls}?{query}")).StatusCode).ShouldBeLessThan(500, query);
            ((int)(await client.GetAsync($"/api/companies/{company.Id}/withholding?{query}")).StatusCode).ShouldBeLessThan(500, query);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_AfterApprovedPayrolls_ShouldComputeTheLinesAPostStoresWithYearToDateAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var company = await StaffAsync(client);
        await ApprovedAsync(client, company, 1);
        await ApprovedAsync(client, company, 2);

        var previewed = await client.PostAsync($"{company.Payrolls}/preview", HttpRequests.Json(Payroll(3, company.HighId, company.LowId)));

        previewed.StatusCode.ShouldBe(HttpStatusCode.OK, await previewed.Content.ReadAsStringAsync());
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await client.GetFromJsonAsync<JsonElement>(company.Payrolls);
        listed.GetProperty("items").GetArrayLength().ShouldBe(2, "a preview stores nothing");
        // The first employee's wages passed the Social Security wage base in February: March withholds none, which a
        // stateless calculation (no year-to-date) would not know.
        preview.GetProperty("lines")[0].GetProperty("withholdings").GetProperty("socialSecurity").GetDecimal().ShouldBe(0m);
        var posted = await PostAsync(client, company, 3);
        for (var i = 0; i < 2; i++)
        {
            var shown = preview.GetProperty("lines")[i];
            var stored = posted.GetProperty("lines")[i];
            foreach (var tax in new[] { "federalIncomeTax", "socialSecurity", "medicare", "additionalMedicare" })
            {
                shown.GetProperty("withholdings").GetProperty(tax).GetDecimal().ShouldBe(stored.GetProperty("withholdings").GetProperty(tax).GetDecimal(), $"line {i} {tax}");
            }

            shown.GetProperty("netPay").GetDecimal().ShouldBe(stored.GetProperty("netPay").GetDecimal());
        }

        preview.GetProperty("totals").GetProperty("netPay").GetDecimal().ShouldBe(posted.GetProperty("totals").GetProperty("netPay").GetDecimal());
    }

    private static async Task<Company> StaffAsync(HttpClient client, string slug = "acme")
    {
        var companyId = await client.PostCompanyAsync(slug);
        var high = await EmployeeAsync(client, companyId, slug == "acme" ? HighSsn : "434-56-7890", "High", new JsonObject { ["version"] = "2020", ["filingStatus"] = "single" });
        var low = await EmployeeAsync(client, companyId, slug == "acme" ? LowSsn : "545-67-8901", "Low",
            new JsonObject { ["version"] = "2019", ["maritalStatus"] = "married", ["allowances"] = 2, ["extraWithholding"] = 15 });
        return new Company(companyId, high.Id, low.Id, new Dictionary<Guid, JsonElement> { [high.Id] = high.W4, [low.Id] = low.W4 });
    }

    private static async Task<(Guid Id, JsonElement W4)> EmployeeAsync(HttpClient client, Guid companyId, string ssn, string lastName, JsonObject w4)
    {
        var response = await client.PostAsync($"/api/companies/{companyId}/employees", HttpRequests.Json(new JsonObject
        {
            ["firstName"] = "Pat", ["lastName"] = lastName, ["ssn"] = ssn, ["hireDate"] = "2024-06-01", ["payFrequency"] = "monthly", ["w4"] = w4,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("w4").Clone());
    }

    /// <summary>The preview API with the line's inputs, the employee's W-4 and the year-to-date wages of earlier approved payrolls.</summary>
    private static async Task<JsonElement> PreviewAsync(HttpClient client, Company company, JsonElement line, (decimal SocialSecurity, decimal Medicare, decimal Supplemental) ytd)
    {
        var request = new JsonObject
        {
            ["taxYear"] = 2026,
            ["payFrequency"] = "monthly",
            ["grossWages"] = line.GetProperty("grossWages").GetDecimal(),
            ["supplementalWages"] = line.GetProperty("supplementalWages").GetDecimal(),
            ["preTaxDeductions"] = JsonNode.Parse(line.GetProperty("preTaxDeductions").GetRawText()),
            ["w4"] = JsonNode.Parse(company.W4s[line.GetProperty("employeeId").GetGuid()].GetRawText()),
            ["ytd"] = new JsonObject { ["socialSecurityWages"] = ytd.SocialSecurity, ["medicareWages"] = ytd.Medicare, ["supplementalWages"] = ytd.Supplemental },
        };
        var response = await client.PostAsync("/api/withholding/calculate", HttpRequests.Json(request));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, Company company, int month)
    {
        var response = await client.PostAsync(company.Payrolls, HttpRequests.Json(Payroll(month, company.HighId, company.LowId)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ApprovedAsync(HttpClient client, Company company, int month)
    {
        var draft = await PostAsync(client, company, month);
        var response = await client.PostAsync($"{company.Payrolls}/{draft.GetProperty("id").GetString()}/approve", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A monthly payroll of 2026: the first employee earns enough that year-to-date wages matter by March.</summary>
    private static JsonObject Payroll(int month, params Guid[] employees)
    {
        var start = new DateOnly(2026, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        return new JsonObject
        {
            ["periodStart"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["periodEnd"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["payDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["payFrequency"] = "monthly",
            ["lines"] = Lines(employees),
        };
    }

    private static JsonArray Lines(params Guid[] employees) =>
    [
        .. employees.Select((id, i) => (JsonNode)new JsonObject
        {
            ["employeeId"] = id,
            ["grossWages"] = i == 0 ? 95_000.00m : 4_250.50m,
            ["supplementalWages"] = i == 0 ? 5_000m : 0m,
            ["preTaxDeductions"] = new JsonObject { ["retirement"] = i == 0 ? 1_500m : 212.53m, ["cafeteria"] = 0m, ["hsa"] = i == 0 ? 0m : 41.67m },
            ["postTaxDeductions"] = i == 0 ? 250m : 0m,
        }),
    ];

    private static string Merge(JsonObject body, string change)
    {
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        return body.ToJsonString();
    }

    private static StringContent Raw(string body) => new(body, Encoding.UTF8, "application/json");

    private sealed record Company(Guid Id, Guid HighId, Guid LowId, IReadOnlyDictionary<Guid, JsonElement> W4s)
    {
        public string Payrolls => $"/api/companies/{Id}/payrolls";
    }
}
