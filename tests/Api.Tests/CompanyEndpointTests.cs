using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The HTTP contract of /api/companies: status codes, headers and problem shapes, as a new client would meet them.</summary>
public sealed class CompanyEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenValid_ShouldReturn201WithLocationThatServesTheCompany(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/companies", new { name = " Acme ", slug = "acme", ein = "12-3456789" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("name").GetString().ShouldBe("Acme");
        body.GetProperty("createdAt").GetString()!.ShouldEndWith("Z");
        var location = response.Headers.Location!.ToString();
        location.ShouldBe($"/api/companies/{body.GetProperty("id").GetString()}");
        var fetched = await client.GetFromJsonAsync<JsonElement>(location);
        fetched.GetProperty("slug").GetString().ShouldBe("acme");
        fetched.GetProperty("ein").GetString().ShouldBe("12-3456789");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenSlugDuplicated_ShouldReturn409ProblemNamingSlug(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/companies", new { name = "One", slug = "acme" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await client.PostAsJsonAsync("/api/companies", new { name = "Two", slug = "acme" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().ShouldBe("company.slug_taken");
        problem.FieldErrors("slug").ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Post_WhenFieldsInvalid_ShouldReturn400ListingEachField(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var response = await app.CreateClient().PostAsJsonAsync("/api/companies", new { name = "", slug = "No", ein = "1-2" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors("name").ShouldHaveSingleItem();
        problem.FieldErrors("slug").ShouldHaveSingleItem();
        problem.FieldErrors("ein").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("{\"name\": 123, \"slug\": \"acme\"}", "name")]
    [InlineData("{\"name\": \"Acme\", \"slug\": [\"acme\"]}", "slug")]
    [InlineData("{\"name\": \"Acme\", ", "body")]
    [InlineData("not json", "body")]
    [InlineData("null", "body")]
    public async Task Post_WhenBodyMalformedOrWrongType_ShouldReturn400NeverA500(string body, string field)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync("/api/companies", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_WhenContentTypeIsTextPlain_ShouldReturn415Problem()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync("/api/companies", new StringContent("{\"name\":\"A\",\"slug\":\"abc\"}", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_WhenBodyIsTwoMegabytes_ShouldReturn413AndStoreNothing()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var huge = JsonSerializer.Serialize(new { name = new string('x', 2 * 1024 * 1024), slug = "huge" });

        var response = await client.PostAsync("/api/companies", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/companies");
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Patch_WhenFieldsGiven_ShouldChangeThemAndRefuseSlugChanges(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var created = await (await client.PostAsJsonAsync("/api/companies", new { name = "Acme", slug = "acme", ein = "12-3456789" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/companies/{created.GetProperty("id").GetString()}";

        var renamed = await client.PatchAsJsonAsync(url, new { name = "Acme Two" });
        var cleared = await client.PatchAsync(url, new StringContent("{\"ein\": null}", Encoding.UTF8, "application/json"));
        var slug = await client.PatchAsJsonAsync(url, new { slug = "other" });
        var missing = await client.PatchAsJsonAsync($"/api/companies/{Guid.CreateVersion7()}", new { name = "X" });

        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ein").GetString().ShouldBe("12-3456789");
        var afterClear = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        afterClear.GetProperty("name").GetString().ShouldBe("Acme Two");
        afterClear.GetProperty("ein").ValueKind.ShouldBe(JsonValueKind.Null);
        (await slug.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("slug").ShouldNotBeEmpty();
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_WhenUnknownId_ShouldReturn404Problem()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync($"/api/companies/{Guid.CreateVersion7()}");

        (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("company.not_found");
    }

    [Theory]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?cursor=bogus", "cursor")]
    public async Task List_WhenQueryInvalid_ShouldReturn400NamingTheParameter(string query, string field)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/api/companies" + query);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_WhenWalking120CompaniesByPage_ShouldReturnEachExactlyOnceInOrder(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var client = app.CreateClient();
        var created = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var response = await client.PostAsJsonAsync("/api/companies", new { name = $"Company {i}", slug = $"company-{i:000}" });
            created.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        var url = "/api/companies?limit=25";
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            if (page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            url = $"/api/companies?limit=25&cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}";
        }

        seen.Count.ShouldBe(120);
        seen.ShouldBe(created);
    }
}
