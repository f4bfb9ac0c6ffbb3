using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>The matrix for the <c>employee</c> role: a portal session bound to the home company's employee record.</summary>
public sealed partial class IsolationMatrixTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryEndpoint_WhenCalledByAnEmployee_ShouldOpenOnlyTheirOwnPayslipsWith403AtHomeAnd404Abroad(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var home = await World.CreateAsync(app, "home", "Homeperson");
        var foreign = await World.CreateAsync(app, "foreign", "Foreignperson");
        var endpoints = Endpoints(app);
        var before = await SnapshotAsync(app, foreign.CompanyId);
        const string Password = "Correct horse battery staple 42";
        (await app.CreateClient().PostAsJsonAsync($"/api/companies/{home.CompanyId}/users",
            new { email = "pat@home.test", role = "employee", employeeId = home.EmployeeId, password = Password })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var session = await Sessions.SignInAsync(app, "pat@home.test", Password);
        var client = session.Client;

        // Writes carry the session's CSRF token, so each is judged on who sends it, not on a missing header.
        client.DefaultRequestHeaders.Add("X-CSRF-Token", session.CsrfToken);
        var failures = new List<string>();

        // Signing out would end the session the rest of the matrix runs on.
        foreach (var endpoint in endpoints.Where(e => (!PublicEndpoints.Contains(e) || e == "GET /api/exports/download") && e != "POST /api/auth/logout"))
        {
            var (foreignStatus, foreignBody) = await SendWithBodyAsync(client, endpoint, foreign);
            if (foreignBody.Contains(foreign.EmployeeLastName, StringComparison.Ordinal) || foreignBody.Contains(foreign.CompanyName, StringComparison.Ordinal))
            {
                failures.Add($"employee {endpoint} on the foreign company: the response shows the foreign company's data");
            }

            if (TouchesACompany(endpoint))
            {
                Expect(failures, "employee", endpoint, "foreign", foreignStatus, endpoint == "GET /api/exports/download" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
            }

            var homeStatus = await SendAsync(client, endpoint, home);
            if (endpoint.StartsWith("GET /api/me/payslips", StringComparison.Ordinal))
            {
                Expect(failures, "employee", endpoint, "home", homeStatus, HttpStatusCode.OK);
            }
            else if (TouchesACompany(endpoint))
            {
                // The company is theirs, the resource a staff one; a token they could not revoke anyway stays "not found".
                Expect(failures, "employee", endpoint, "home", homeStatus, endpoint == "DELETE /api/tokens/{id}" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
            }
            else if (LeastRole.TryGetValue(endpoint, out var least) && least == "admin")
            {
                Expect(failures, "employee", endpoint, "home", homeStatus, HttpStatusCode.Forbidden);
            }
            else if ((int)homeStatus >= 500)
            {
                failures.Add($"employee {endpoint}: {(int)homeStatus}");
            }
        }

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/me/payslips");
        mine.EnumerateArray().Select(p => p.GetProperty("payrollId").GetGuid()).ShouldBe([home.Approved]);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/companies");
        listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([home.CompanyId]);
        failures.ShouldBeEmpty();
        (await SnapshotAsync(app, foreign.CompanyId)).ShouldBe(before, "the foreign company's data changed");
    }
}
