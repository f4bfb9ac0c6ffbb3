using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Korea;

/// <summary>A company's regime and currency: chosen at creation, returned on every read, us-federal in USD by default.</summary>
public sealed class KoreaCompanyTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenRegimeIsKr_ShouldStoreAndReturnKrInKrw(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/companies", new { name = "서울상사", slug = "seoul-trading", regime = "kr" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString());
        fetched.GetProperty("regime").GetString().ShouldBe("kr");
        fetched.GetProperty("currency").GetString().ShouldBe("KRW");
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/companies");
        listed.GetProperty("items")[0].GetProperty("currency").GetString().ShouldBe("KRW");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WithoutRegime_ShouldBeUsFederalInUsd(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("regime").GetString().ShouldBe("us-federal");
        body.GetProperty("currency").GetString().ShouldBe("USD");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenRegimeUnknownOrCurrencyContradictsIt_ShouldReturn400AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/companies", new { name = "A", slug = "aaa", regime = "jp" });
        var mismatch = await client.PostAsJsonAsync("/api/companies", new { name = "B", slug = "bbb", regime = "kr", currency = "USD" });

        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("regime").Single().ShouldContain("kr");
        (await mismatch.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("currency").Single().ShouldContain("KRW");
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/companies");
        listed.GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
