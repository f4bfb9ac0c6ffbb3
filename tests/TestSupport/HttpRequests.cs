using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace PayrollPortal.TestSupport;

/// <summary>Requests the HTTP contract tests build again and again.</summary>
public static class HttpRequests
{
    /// <summary>Creates a company through the API; returns its id.</summary>
    public static async Task<Guid> PostCompanyAsync(this HttpClient client, string slug = "acme")
    {
        var response = await client.PostAsJsonAsync("/api/companies", new { name = $"Company {slug}", slug });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static HttpRequestMessage Keyed(HttpMethod method, string url, string key, string json)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    public static string PayrollBody(params Guid[] employees) => JsonSerializer.Serialize(new
    {
        periodStart = "2026-01-01",
        periodEnd = "2026-01-31",
        payDate = "2026-02-05",
        payFrequency = "monthly",
        lines = employees.Select(id => new { employeeId = id, grossWages = 5000.00m }),
    });
}
