using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Identity;

/// <summary>
/// Every endpoint the app maps (read from its <see cref="EndpointDataSource"/>, so a new endpoint is covered without
/// touching this test), tried by every kind of caller against the caller's own company and a foreign one:
/// nobody gets past 401 except on the public allow-list, a member of another company always gets 404 (or the export
/// download's 403) and never sees or changes the foreign company's data, and each role gets exactly its rights at home.
/// </summary>
public sealed partial class IsolationMatrixTests
{
    /// <summary>The only endpoints a caller without credentials may reach.</summary>
    private static readonly HashSet<string> PublicEndpoints =
    [
        "GET /api/livez", "GET /api/readyz", "GET /api/healthz", "GET /api/meta", "POST /api/auth/login",
        "GET /openapi/{documentName}.json",
        "GET /api/docs/{documentName?}", "GET /api/docs/scalar.js", "GET /api/docs/scalar.aspnetcore.js", "GET /api/docs/favicon.svg", // the API reference UI
        "GET /api/exports/download", // a signed link is its own credential; unsigned it needs a caller with export rights
    ];

    /// <summary>The least role that may use each endpoint on its own company: viewer, payroll_manager, company_admin, admin.</summary>
    private static readonly Dictionary<string, string> LeastRole = new()
    {
        ["GET /api/companies"] = "viewer",
        ["POST /api/companies"] = "admin",
        ["GET /api/companies/{id}"] = "viewer",
        ["PATCH /api/companies/{id}"] = "company_admin",
        ["GET /api/companies/{companyId}/employees"] = "viewer",
        ["POST /api/companies/{companyId}/employees"] = "payroll_manager",
        ["GET /api/companies/{companyId}/employees/{id}"] = "viewer",
        ["PATCH /api/companies/{companyId}/employees/{id}"] = "payroll_manager",
        ["GET /api/companies/{companyId}/payrolls"] = "viewer",
        ["POST /api/companies/{companyId}/payrolls"] = "payroll_manager",
        ["POST /api/companies/{companyId}/payrolls/preview"] = "viewer",
        ["GET /api/companies/{companyId}/payrolls/{id}"] = "viewer",
        ["PUT /api/companies/{companyId}/payrolls/{id}/lines"] = "payroll_manager",
        ["POST /api/companies/{companyId}/payrolls/{id}/approve"] = "payroll_manager",
        ["POST /api/companies/{companyId}/payrolls/{id}/void"] = "payroll_manager",
        ["GET /api/companies/{companyId}/withholding"] = "viewer",
        // kr business income: the matrix's companies are us-federal, so an allowed caller gets 409 business_income.regime_unsupported.
        ["GET /api/companies/{companyId}/business-income/payees"] = "viewer",
        ["POST /api/companies/{companyId}/business-income/payees"] = "payroll_manager",
        ["GET /api/companies/{companyId}/business-income/sheets"] = "viewer",
        ["POST /api/companies/{companyId}/business-income/sheets"] = "payroll_manager",
        ["GET /api/companies/{companyId}/business-income/sheets/{sheetId}"] = "viewer",
        ["POST /api/companies/{companyId}/business-income/sheets/{sheetId}/approve"] = "payroll_manager",
        ["POST /api/companies/{companyId}/business-income/sheets/{sheetId}/void"] = "payroll_manager",
        ["POST /api/companies/{companyId}/exports"] = "payroll_manager",
        ["GET /api/companies/{companyId}/payrolls/{payrollId}/payslips/{employeeId}"] = "viewer",
        ["GET /api/companies/{companyId}/payrolls/{payrollId}/payslips/{employeeId}.pdf"] = "viewer",
        ["GET /api/companies/{companyId}/payrolls/{payrollId}/payslips.zip"] = "payroll_manager",
        ["GET /api/exports/download"] = "payroll_manager",
        ["POST /api/companies/{companyId}/users"] = "company_admin",
        ["GET /api/companies/{companyId}/users"] = "company_admin",
        ["PATCH /api/companies/{companyId}/users/{userId}"] = "company_admin",
        ["DELETE /api/companies/{companyId}/users/{userId}"] = "company_admin",
        ["POST /api/companies/{companyId}/employee-imports"] = "company_admin",
        ["GET /api/companies/{companyId}/employee-imports/template.csv"] = "company_admin",
        ["GET /api/companies/{companyId}/employee-imports/template.xlsx"] = "company_admin",
        ["POST /api/companies/{companyId}/opening-balances"] = "payroll_manager",
        ["GET /api/companies/{companyId}/opening-balances/template.csv"] = "payroll_manager",
        ["GET /api/audit"] = "company_admin",
        ["GET /api/audit/verify"] = "admin",
        ["POST /api/withholding/calculate"] = "viewer",
        ["GET /api/auth/me"] = "viewer",
        ["POST /api/auth/logout"] = "viewer",
        ["POST /api/auth/password"] = "viewer",
        ["GET /api/tokens"] = "viewer",
        ["POST /api/tokens"] = "viewer",
        ["DELETE /api/tokens"] = "viewer",
        ["DELETE /api/tokens/{id}"] = "company_admin",
    };

    /// <summary>
    /// Endpoints that need a portal session: every client here holds a bearer token, which gets 403 even where its role would
    /// do (a token may only revoke itself). TokenHardeningTests covers them from a session.
    /// </summary>
    private static readonly HashSet<string> SessionOnly = ["POST /api/tokens", "DELETE /api/tokens", "DELETE /api/tokens/{id}"];

    private static readonly string[] Roles = ["viewer", "payroll_manager", "company_admin"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryEndpoint_WhenCalledByEachRoleOnItsOwnAndAForeignCompany_ShouldGrantExactlyTheRolesRightsAndNothingAcrossTenants(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var home = await World.CreateAsync(app, "home", "Homeperson");
        var foreign = await World.CreateAsync(app, "foreign", "Foreignperson");
        var endpoints = Endpoints(app);
        endpoints.Length.ShouldBeGreaterThanOrEqualTo(LeastRole.Count);
        var before = await SnapshotAsync(app, foreign.CompanyId);
        var failures = new List<string>();

        var anonymous = app.CreateAnonymousClient();
        foreach (var endpoint in endpoints.Where(e => !PublicEndpoints.Contains(e)))
        {
            var status = await SendAsync(anonymous, endpoint, foreign);
            Expect(failures, "anonymous", endpoint, "foreign", status, HttpStatusCode.Unauthorized);
        }

        // Lowest role first, so that what a higher role changes at home (an approval, a void) cannot hide a lower role's refusal.
        foreach (var role in Roles)
        {
            var client = await app.CreateClientAsync(role, home.CompanyId);
            foreach (var endpoint in endpoints.Where(e => !PublicEndpoints.Contains(e) || e == "GET /api/exports/download"))
            {
                var (foreignStatus, foreignBody) = await SendWithBodyAsync(client, endpoint, foreign);
                if (foreignBody.Contains(foreign.EmployeeLastName, StringComparison.Ordinal) || foreignBody.Contains(foreign.CompanyName, StringComparison.Ordinal))
                {
                    failures.Add($"{role} {endpoint} on the foreign company: the response shows the foreign company's data");
                }

                if (TouchesACompany(endpoint))
                {
                    var expected = endpoint == "GET /api/exports/download" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                    Expect(failures, role, endpoint, "foreign", foreignStatus, expected);
                }
                else if ((int)foreignStatus is >= 500)
                {
                    failures.Add($"{role} {endpoint}: {(int)foreignStatus}");
                }

                if (!LeastRole.TryGetValue(endpoint, out var least))
                {
                    continue; // a new endpoint: covered above for authentication and tenancy; add it to LeastRole for its role rule
                }

                var homeStatus = await SendAsync(client, endpoint, home);
                var allowed = Rank(role) >= Rank(least);
                if (SessionOnly.Contains(endpoint))
                {
                    // A token the role could not revoke anyway stays "not found"; everything else is refused for want of a session.
                    Expect(failures, role, endpoint, "home", homeStatus,
                        allowed || endpoint != "DELETE /api/tokens/{id}" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
                }
                else if (allowed && (int)homeStatus is 401 or 403 or 404 or >= 500)
                {
                    failures.Add($"{role} {endpoint} on its own company: {(int)homeStatus}, expected to be allowed");
                }
                else if (!allowed)
                {
                    // A token someone else owns is "not found" to those who may not revoke it; everything else is a plain 403.
                    Expect(failures, role, endpoint, "home", homeStatus, endpoint == "DELETE /api/tokens/{id}" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
                }
            }

            var listed = await client.GetFromJsonAsync<JsonElement>("/api/companies");
            listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([home.CompanyId], role);
        }

        var admin = app.CreateClient();
        foreach (var endpoint in endpoints.Where(LeastRole.ContainsKey))
        {
            var status = await SendAsync(admin, endpoint, home);
            if (SessionOnly.Contains(endpoint))
            {
                Expect(failures, "admin", endpoint, "home", status, HttpStatusCode.Forbidden);
            }
            else if ((int)status is 401 or 403 or 404 or >= 500)
            {
                failures.Add($"admin {endpoint}: {(int)status}, expected to be allowed");
            }
        }

        failures.ShouldBeEmpty();
        (await SnapshotAsync(app, foreign.CompanyId)).ShouldBe(before, "the foreign company's data changed");
    }

    private static void Expect(List<string> failures, string caller, string endpoint, string company, HttpStatusCode actual, HttpStatusCode expected)
    {
        if (actual != expected)
        {
            failures.Add($"{caller} {endpoint} on the {company} company: {(int)actual}, expected {(int)expected}");
        }
    }

    private static int Rank(string role) => role switch
    {
        "viewer" => 1,
        "payroll_manager" => 2,
        "company_admin" => 3,
        _ => 4,
    };

    private static bool TouchesACompany(string endpoint) =>
        endpoint.Contains("{companyId}", StringComparison.Ordinal) || endpoint.StartsWith("GET /api/companies/{id}", StringComparison.Ordinal)
        || endpoint.StartsWith("PATCH /api/companies/{id}", StringComparison.Ordinal)
        || endpoint is "GET /api/audit" or "DELETE /api/tokens/{id}" or "GET /api/exports/download";

    /// <summary>"METHOD /route/{param}" for every routed endpoint, constraints dropped.</summary>
    private static string[] Endpoints(PayrollApp app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {Normalize(e.RoutePattern.RawText ?? string.Empty)}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static string Normalize(string pattern)
    {
        var path = Constraint().Replace(pattern, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string endpoint, World world) =>
        (await SendWithBodyAsync(client, endpoint, world)).Status;

    private static async Task<(HttpStatusCode Status, string Body)> SendWithBodyAsync(HttpClient client, string endpoint, World world)
    {
        var (method, url, body) = world.Request(endpoint);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = body is string csv ? new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") : JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What a company's data looks like from the database, to prove nothing was written across tenants.</summary>
    private static async Task<string> SnapshotAsync(PayrollApp app, Guid companyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT name || '|' || COALESCE(ein, '') || '|' || CAST(updated_at AS TEXT) FROM companies WHERE id = @companyId",
            "SELECT first_name || '|' || last_name || '|' || CAST(updated_at AS TEXT) FROM employees WHERE company_id = @companyId ORDER BY id",
            "SELECT CAST(id AS TEXT) || '|' || status || '|' || CAST(updated_at AS TEXT) FROM payrolls WHERE company_id = @companyId ORDER BY id",
            "SELECT CAST(COUNT(*) AS TEXT) FROM payroll_lines l JOIN payrolls p ON p.id = l.payroll_id WHERE p.company_id = @companyId",
            "SELECT CAST(COUNT(*) AS TEXT) FROM memberships WHERE company_id = @companyId",
            "SELECT CAST(id AS TEXT) || '|' || COALESCE(CAST(revoked_at AS TEXT), '') FROM api_tokens WHERE company_id = @companyId ORDER BY id",
            "SELECT CAST(COUNT(*) AS TEXT) FROM audit_events WHERE chain = CAST(@companyId AS TEXT)",
        })
        {
            var rows = await connection.QueryAsync<string>(sql.Replace("CAST(@companyId AS TEXT)", "@chain", StringComparison.Ordinal), new { companyId, chain = companyId.ToString("D") });
            parts.Add(string.Join(",", rows));
        }

        return string.Join("\n", parts);
    }

    [GeneratedRegex(@"\{([A-Za-z*]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();

    /// <summary>
    /// One company with an employee, an approved payroll, two drafts, a token owned by its own admin, a member whose role
    /// the matrix sets and members it removes (one per removal that may succeed, so each finds its member).
    /// </summary>
    private sealed record World(
        Guid CompanyId, string CompanyName, string EmployeeLastName, Guid EmployeeId, Guid Approved, Guid DraftToApprove, Guid DraftToEdit, Guid TokenId,
        Guid MemberToChange, Guid[] MembersToRemove)
    {
        private int _sequence;
        private int _removals;

        public static async Task<World> CreateAsync(PayrollApp app, string slug, string lastName)
        {
            var company = await app.CompanyAsync(slug);
            var employee = await app.EmployeeAsync(company.Id, slug == "home" ? "123-45-6789" : "234-56-7890", "Pat", lastName);
            var lines = new[] { Samples.UsLine(employee.Id, 3000m) };
            var approved = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new(2026, 1, 1), new(2026, 1, 31), new(2026, 1, 31), "monthly", lines))).Value!.Id;
            (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, approved))).IsSuccess.ShouldBeTrue();
            var toApprove = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new(2026, 2, 1), new(2026, 2, 28), new(2026, 2, 28), "monthly", lines))).Value!.Id;
            var toEdit = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new(2026, 3, 1), new(2026, 3, 31), new(2026, 3, 31), "monthly", lines))).Value!.Id;
            var (owner, _) = await app.CreateMemberAsync("company_admin", company.Id);
            await using var scope = app.Services.CreateAsyncScope();
            var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
            var tokenId = await connection.QuerySingleAsync<Guid>("SELECT id FROM api_tokens WHERE user_id = @id", new { id = owner.UserId });
            var (toChange, _) = await app.CreateMemberAsync("viewer", company.Id);
            var toRemove = new List<Guid>();
            for (var i = 0; i < 4; i++)
            {
                toRemove.Add((await app.CreateMemberAsync("viewer", company.Id)).Caller.UserId!.Value);
            }

            return new World(company.Id, company.Name, lastName, employee.Id, approved, toApprove, toEdit, tokenId, toChange.UserId!.Value, [.. toRemove]);
        }

        /// <summary>A request for <paramref name="endpoint"/> aimed at this company, with a body that is valid for it.</summary>
        public (string Method, string Url, object? Body) Request(string endpoint)
        {
            var n = Interlocked.Increment(ref _sequence);
            var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
            var method = endpoint[..space];
            var route = endpoint[(space + 1)..];
            var url = route
                .Replace("{companyId}", CompanyId.ToString(), StringComparison.Ordinal)
                .Replace("/api/companies/{id}", $"/api/companies/{CompanyId}", StringComparison.Ordinal)
                .Replace("/employees/{id}", $"/employees/{EmployeeId}", StringComparison.Ordinal)
                .Replace("/payrolls/{id}/approve", $"/payrolls/{DraftToApprove}/approve", StringComparison.Ordinal)
                .Replace("/payrolls/{id}/lines", $"/payrolls/{DraftToEdit}/lines", StringComparison.Ordinal)
                .Replace("/payrolls/{id}", $"/payrolls/{Approved}", StringComparison.Ordinal)
                .Replace("/tokens/{id}", $"/tokens/{TokenId}", StringComparison.Ordinal)
                .Replace("{payrollId}", Approved.ToString(), StringComparison.Ordinal)
                .Replace("{employeeId}", EmployeeId.ToString(), StringComparison.Ordinal)
                .Replace("/users/{userId}", method == "DELETE"
                    ? $"/users/{MembersToRemove[Interlocked.Increment(ref _removals) % MembersToRemove.Length]}"
                    : $"/users/{MemberToChange}", StringComparison.Ordinal);
            url = Regex.Replace(url, @"\{[^}]+\}", Guid.NewGuid().ToString()); // a route value this test does not know: some id
            var ssn = $"{100 + (n % 500):000}-{10 + (n % 80):00}-{1000 + n:0000}";
            object? body = (method, route) switch
            {
                ("POST", "/api/companies") => new { name = $"New {n}", slug = $"new-{n}-{CompanyId.ToString("N")[..12]}" },
                ("PATCH", "/api/companies/{id}") => new { ein = "12-3456789" },
                ("POST", "/api/companies/{companyId}/employees") => new
                {
                    firstName = "New", lastName = $"Hire{n}", ssn, hireDate = "2024-01-01", payFrequency = "monthly", w4 = new { version = "2020", filingStatus = "single" },
                },
                ("PATCH", "/api/companies/{companyId}/employees/{id}") => new { firstName = $"Renamed{n}" },
                ("POST", "/api/companies/{companyId}/payrolls") => new
                {
                    periodStart = "2026-04-01", periodEnd = "2026-04-30", payDate = "2026-04-30", payFrequency = "monthly",
                    lines = new[] { new { employeeId = EmployeeId, grossWages = 1000m } },
                },
                ("POST", "/api/companies/{companyId}/payrolls/preview") => new
                {
                    payDate = "2026-04-30", payFrequency = "monthly", lines = new[] { new { employeeId = EmployeeId, grossWages = 1000m } },
                },
                ("PUT", "/api/companies/{companyId}/payrolls/{id}/lines") => new { lines = new[] { new { employeeId = EmployeeId, grossWages = 1200m } } },
                ("POST", "/api/companies/{companyId}/payrolls/{id}/void") => new { reason = "matrix" },
                ("POST", "/api/companies/{companyId}/exports") => new { scope = new { year = 2026, month = 1 }, format = "csv" },
                ("POST", "/api/companies/{companyId}/users") => new { email = $"user{n}-{CompanyId:N}@tests.local", role = "viewer" },
                ("PATCH", "/api/companies/{companyId}/users/{userId}") => new { role = n % 2 == 0 ? "viewer" : "payroll_manager" },
                ("POST", "/api/withholding/calculate") => new { taxYear = 2026, payFrequency = "weekly", grossWages = 2000m, w4 = new { version = "2020", filingStatus = "single" } },
                ("POST", "/api/tokens") => new { name = $"matrix {n}", companyId = CompanyId, role = "viewer" },
                ("POST", "/api/companies/{companyId}/opening-balances") => new
                {
                    employeeId = EmployeeId, taxYear = 2024, asOf = "2024-01-31", wages = 1m, socialSecurityWages = 1m, medicareWages = 1m, federalIncomeTax = 0m,
                    socialSecurity = 0m, medicare = 0m, additionalMedicare = 0m, supplementalWages = 0m,
                },
                ("POST", "/api/companies/{companyId}/employee-imports") =>
                    $"employeeNumber,firstName,lastName,ssn,hireDate,payFrequency,w4Version,filingStatus\nM-{n},New,Import{n},{ssn},2024-01-01,monthly,2020,single\n",
                ("POST" or "PUT" or "PATCH", _) => new { },
                _ => null,
            };
            url = (method, route) switch
            {
                ("GET", "/api/audit") => $"{url}?companyId={CompanyId}",
                ("GET", "/api/exports/download") => $"{url}?company={CompanyId}&scope=2026-01&format=csv",
                ("GET", "/api/companies/{companyId}/withholding") => $"{url}?year=2026&quarter=1",
                _ => url,
            };
            return (method, url, body);
        }
    }
}
