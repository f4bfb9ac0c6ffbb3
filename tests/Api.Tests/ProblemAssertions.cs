using System.Net;
using System.Text.Json;

namespace PayrollPortal.Api.Tests;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem with the given status that carries the response's request id, and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.GetProperty("requestId").GetString().ShouldBe(response.Headers.GetValues("X-Request-ID").Single());
        return json;
    }

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
}
