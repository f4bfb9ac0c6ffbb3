using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using PayrollPortal.Api.Tests.Korea;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>
/// A payroll_manager who knows a hidden employee's last four digits cannot confirm the rest by guessing (ADR 0012): the
/// duplicate answer still comes, but only within an hourly budget, after which every guess gets the same 429; every
/// duplicate and every refusal is in the security audit chain.
/// </summary>
public sealed class NationalIdOracleTests
{
    private const string HiddenSsn = "123-45-6789";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangingASpareEmployeesSsn_WhenAPayrollManagerMakesTwentyGuesses_ShouldAnswerOnlyTheFirstTenAndAuditEveryHitAndRefusal(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await app.EmployeeAsync(company.Id, HiddenSsn, lastName: "Hidden");
        var spare = await app.EmployeeAsync(company.Id, "234-56-7890", lastName: "Spare");
        var manager = await app.CreateClientAsync("payroll_manager", company.Id);

        // Guesses 5 and 15 are the hidden number; the others are wrong.
        var guesses = Enumerable.Range(1, 20).Select(i => i is 5 or 15 ? HiddenSsn : $"123-45-{6700 + i:D4}").ToList();
        var answers = new List<HttpStatusCode>();
        foreach (var guess in guesses)
        {
            answers.Add((await manager.PatchAsJsonAsync($"/api/companies/{company.Id}/employees/{spare.Id}", new { ssn = guess })).StatusCode);
        }

        answers.Take(10).ShouldBe([.. Enumerable.Range(1, 10).Select(i => i == 5 ? HttpStatusCode.Conflict : HttpStatusCode.OK)]);
        answers.Skip(10).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests, "past the budget, a right guess looks like a wrong one");
        var refused = await manager.PatchAsJsonAsync($"/api/companies/{company.Id}/employees/{spare.Id}", new { ssn = HiddenSsn });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("code").GetString().ShouldBe("employee.national_id_writes_limited");
        problem.FieldErrors("ssn").ShouldNotBeEmpty();
        var stored = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}/employees/{spare.Id}");
        stored.GetProperty("ssnLast4").GetString().ShouldBe("6710", "the tenth guess was the last one applied");
        (await app.CreateClient().PatchAsJsonAsync($"/api/companies/{company.Id}/employees/{spare.Id}", new { ssn = "234-56-7890" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "the global administrator is not limited");
        await using var connection = await app.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE chain = 'security' AND action = 'employee.national_id_duplicate'")).ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE chain = 'security' AND action = 'employee.national_id_writes_limited'")).ShouldBe(11);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HiringKoreanEmployees_WhenAPayrollManagerGuessesRrnsTwentyTimes_ShouldStopAnsweringAfterTheBudget(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var admin = app.CreateClient();
        var companyId = await KoreaSamples.CreateKoreaCompanyAsync(admin);
        (await admin.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaEmployee("900101-1234567"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var manager = await app.CreateClientAsync("payroll_manager", companyId);

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 20; i++)
        {
            var guess = i is 3 or 17 ? "900101-1234567" : $"900101-1{i:D2}4567";
            answers.Add((await manager.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaEmployee(guess))).StatusCode);
        }

        answers.Take(10).ShouldBe([.. Enumerable.Range(1, 10).Select(i => i == 3 ? HttpStatusCode.Conflict : HttpStatusCode.Created)]);
        answers.Skip(10).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
        var employees = await admin.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees?limit=100");
        employees.GetProperty("items").GetArrayLength().ShouldBe(10, "the original and the nine wrong guesses inside the budget");
    }

    private static object KoreaEmployee(string rrn) => KoreaSamples.KoreaEmployee(rrn);
}
