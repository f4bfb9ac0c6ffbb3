using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>Portal-style clients: a cookie session from /api/auth/login, as the browser holds it.</summary>
internal static class Sessions
{
    public sealed record Session(HttpClient Client, string CsrfToken, string Cookie, JsonElement Body);

    /// <summary>Signs in with a client that keeps no cookie jar, so the test sees and sends the cookie itself.</summary>
    public static async Task<Session> SignInAsync(PayrollApp app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("payroll_session=", StringComparison.Ordinal));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var pair = cookie.Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", pair);
        return new Session(client, body.GetProperty("csrfToken").GetString()!, pair, body);
    }

    public static HttpRequestMessage WithCsrf(this HttpRequestMessage request, string token)
    {
        request.Headers.Add("X-CSRF-Token", token);
        return request;
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };
}
