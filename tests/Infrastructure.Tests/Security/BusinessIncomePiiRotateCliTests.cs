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
/// <c>payroll pii rotate</c> re-encrypts a kr business-income payee's 주민등록번호 too (a <see cref="ProtectedIdentifierTable"/>
/// the kr module registers), so the old key can go: the mask and the duplicate check work under the new key alone.
/// </summary>
public sealed class BusinessIncomePiiRotateCliTests
{
    private static object Payee(string rrn) => new { name = "김하늘", residentRegistrationNumber = rrn, residentType = "resident", businessTypeCode = "940909" };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PiiRotate_WhenPayeesWereStoredUnderTheOldKey_ShouldReencryptAndReindexThem(DatabaseProvider provider)
    {
        var keyA = PiiKeyRing.NewEntry("ka");
        var keyB = PiiKeyRing.NewEntry("kb");
        await using var underA = await PayrollApp.StartAsync(provider, Keys(keyA));
        var client = underA.CreateClient();
        var created = await client.PostAsJsonAsync("/api/companies", new { name = "서울프리랜스", slug = "seoul-freelance", regime = "kr" });
        var companyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/companies/{companyId}/business-income/payees", Payee("900101-1234567"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StoredAsync(underA)).ShouldAllBe(s => s.Ciphertext.StartsWith("v1:ka:") && s.BlindIndex.StartsWith("ka:"));

        var rotated = await RunAsync(underA.Database.Url, $"{keyB},{keyA}", "pii", "rotate");

        rotated.ExitCode.ShouldBe(0, rotated.Error);
        (rotated.Output + rotated.Error).ShouldNotContain("1234567");
        var after = (await StoredAsync(underA)).ShouldHaveSingleItem();
        after.Ciphertext.ShouldStartWith("v1:kb:");
        after.BlindIndex.ShouldStartWith("kb:");
        new AesGcmPiiProtector(PiiKeyRing.Parse(keyB)).Unprotect(after.Ciphertext).ShouldBe("9001011234567");

        await using var underBAlone = PayrollApp.StartOn(underA.Database, Keys(keyB));
        var b = underBAlone.CreateClient();
        var listed = await b.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/business-income/payees");
        listed[0].GetProperty("residentRegistrationNumber").GetString().ShouldBe("******-***4567");
        (await b.PostAsJsonAsync($"/api/companies/{companyId}/business-income/payees", Payee("9001011234567"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static async Task<List<(string Ciphertext, string BlindIndex)>> StoredAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<(string, string)>("SELECT rrn_ciphertext, rrn_blind_index FROM business_income_payees")];
    }
}
