using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;
using static PayrollPortal.Infrastructure.Tests.Security.PiiCli;

namespace PayrollPortal.Infrastructure.Tests.Security;

/// <summary>
/// <c>payroll pii rotate</c> for a kr company: the 주민등록번호 shares the SSN's columns, so rotation must re-encrypt it and
/// recompute its blind index, after which the mask, the duplicate check (on creation and on correction) and payrolls work
/// under the new key alone.
/// </summary>
public sealed class KoreaPiiRotateCliTests
{
    private static object KoreaEmployee(string rrn, string lastName) => new
    {
        firstName = "민준",
        lastName,
        residentRegistrationNumber = rrn,
        hireDate = "2026-01-02",
        kr = new { dependents = 1, nonTaxable = new { meals = 200_000 } },
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PiiRotate_WhenRrnsWereStoredUnderTheOldKey_ShouldReencryptAndReindexThemAndKeepMasksAndLookupsWorking(DatabaseProvider provider)
    {
        var keyA = PiiKeyRing.NewEntry("ka");
        var keyB = PiiKeyRing.NewEntry("kb");
        await using var underA = await PayrollApp.StartAsync(provider, Keys(keyA));
        var client = underA.CreateClient();
        var created = await client.PostAsJsonAsync("/api/companies", new { name = "서울상사", slug = "seoul-trading", regime = "kr" });
        var companyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        foreach (var (rrn, name) in new[] { ("900101-1234567", "김"), ("850505-2345678", "이") })
        {
            var hired = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaEmployee(rrn, name));
            hired.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var before = await StoredAsync(underA);
        before.ShouldAllBe(s => s.Ciphertext.StartsWith("v1:ka:") && s.BlindIndex.StartsWith("ka:"));

        var rotated = await RunAsync(underA.Database.Url, $"{keyB},{keyA}", "pii", "rotate");

        rotated.ExitCode.ShouldBe(0, rotated.Error);
        rotated.Output.ShouldContain("rotated 2 of 2 employee SSN(s) to key kb");
        (rotated.Output + rotated.Error).ShouldNotContain("1234567");
        var after = await StoredAsync(underA);
        after.ShouldAllBe(s => s.Ciphertext.StartsWith("v1:kb:") && s.BlindIndex.StartsWith("kb:"));
        after.Select(s => s.BlindIndex).ShouldNotContain(b => before.Any(o => o.BlindIndex == b));
        var onlyB = new AesGcmPiiProtector(PiiKeyRing.Parse(keyB));
        after.Select(s => onlyB.Unprotect(s.Ciphertext)).Order().ShouldBe(["8505052345678", "9001011234567"]);
        after.Select(s => s.Last4).Order().ShouldBe(["4567", "5678"]);

        // The old key is gone: masks, duplicate checks (hyphenated or not, on hire and on correction) and payrolls still work.
        await using var underBAlone = PayrollApp.StartOn(underA.Database, Keys(keyB));
        var b = underBAlone.CreateClient();
        var kim = await b.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/employees/{ids[0]}");
        kim.GetProperty("ssnMasked").GetString().ShouldBe("******-***4567");
        (await b.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaEmployee("9001011234567", "박"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await b.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaEmployee("850505-2345678", "박"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await b.PatchAsJsonAsync($"/api/companies/{companyId}/employees/{ids[0]}", new { residentRegistrationNumber = "850505-2345678" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await b.PostAsJsonAsync($"/api/companies/{companyId}/employees", KoreaEmployee("000229-3234567", "박"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var payroll = await b.PostAsJsonAsync(
            $"/api/companies/{companyId}/payrolls",
            new
            {
                periodStart = "2026-10-01", periodEnd = "2026-10-31", payDate = "2026-10-25", payFrequency = "monthly",
                lines = new[] { new { employeeId = ids[0], basePay = 4_000_000 } },
            });
        payroll.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await payroll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0].GetProperty("kr").GetProperty("incomeTax").GetInt64().ShouldBe(195_960);
    }

    private static async Task<List<(string Ciphertext, string BlindIndex, string Last4)>> StoredAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<(string, string, string)>("SELECT ssn_ciphertext, ssn_blind_index, ssn_last4 FROM employees ORDER BY id")];
    }
}
