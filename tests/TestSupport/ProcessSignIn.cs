using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PayrollPortal.TestSupport;

/// <summary>
/// For a server started as a process with <see cref="Environment"/>: signs in as the bootstrap administrator the way a
/// REST client following the README does (login, then an API token), and sends that token from then on.
/// </summary>
public static class ProcessSignIn
{
    /// <summary>ADMIN_EMAIL and ADMIN_PASSWORD for the child process.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["ADMIN_EMAIL"] = PayrollApp.AdminEmail,
        ["ADMIN_PASSWORD"] = TestKeys.AdminPassword,
    };

    public static async Task AuthorizeAsAdminAsync(HttpClient client)
    {
        using var session = new HttpClient { BaseAddress = client.BaseAddress, Timeout = client.Timeout };
        using var login = await session.PostAsJsonAsync("/api/auth/login", new { email = PayrollApp.AdminEmail, password = TestKeys.AdminPassword });
        login.EnsureSuccessStatusCode();
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { name = "tests", role = "admin" }) };
        request.Headers.Add("X-CSRF-Token", csrf);
        using var created = await session.SendAsync(request);
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
