using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using PayrollPortal.Application.Exports;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>Issuing links and every way a link can be wrong, on both databases; each refusal is the same 403 that names no cause.</summary>
public sealed class ExportLinkTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenAnyParameterIsTamperedOrTheSignatureIsMissing_ShouldReturnTheSame403(DatabaseProvider provider)
    {
        var key = ExportSigningKeys.NewEntry("k1");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = key });
        var scenario = await ExportScenario.CreateAsync(app);
        var link = await ExportScenario.IssueAsync(app.CreateClient(), scenario.CompanyId, new { year = 2026, quarter = 1 }, "csv", expiresInMinutes: 30);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link.Url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

        // A signed link is its own credential: downloaded without any session or token.
        var client = app.CreateAnonymousClient();
        link.ExpiresAt!.Value.ShouldBe(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(2));
        query.Keys.Order().ToArray().ShouldBe(["by", "company", "exp", "format", "kid", "scope", "sig"]);
        (await client.GetAsync(link.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var otherSignature = ExportLinks(key, TimeSpan.Zero).Issue(new ExportTarget(scenario.CompanyId, ExportScope.ForQuarter(2026, 2), WireFormats.Csv), TimeSpan.FromMinutes(30));
        Dictionary<string, Dictionary<string, string>> tampered = new()
        {
            ["company (a foreign company)"] = With(query, "company", scenario.OtherCompanyId.ToString()),
            ["scope"] = With(query, "scope", "2026-q2"),
            ["scope (one payroll)"] = With(query, "scope", scenario.DraftMarch.ToString()),
            ["format"] = With(query, "format", "xlsx"),
            ["exp (later)"] = With(query, "exp", (long.Parse(query["exp"], System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["kid (unknown)"] = With(query, "kid", "k2"),
            ["by (another issuer)"] = With(query, "by", Guid.NewGuid().ToString()),
            ["by removed"] = Without(query, "by"),
            ["sig (another link's)"] = With(query, "sig", Query(otherSignature.Url)["sig"]),
            ["sig (garbage)"] = With(query, "sig", "not-a-signature"),
            ["sig missing"] = Without(query, "sig"),
            ["an added parameter"] = With(query, "extra", "1"),
        };

        foreach (var (what, parameters) in tampered)
        {
            var response = await client.GetAsync(Url(parameters));
            await ShouldBeInvalidLinkAsync(response, what);
        }

        var duplicated = await client.GetAsync(link.Url + "&scope=2026-q1");
        await ShouldBeInvalidLinkAsync(duplicated, "a repeated parameter");
        var noSignatureAtAll = await client.GetAsync(Url(Without(Without(Without(query, "sig"), "exp"), "kid")));
        await ShouldBeInvalidLinkAsync(noSignatureAtAll, "no signature parameters, and no session");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenLinkExpiredOrIsWithinTheSkew_ShouldRefuseOnlyPastTheSkew(DatabaseProvider provider)
    {
        var key = ExportSigningKeys.NewEntry("k1");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = key });
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();
        var target = new ExportTarget(scenario.CompanyId, ExportScope.ForMonth(2026, 1), WireFormats.Csv);

        // Issued as if earlier, valid for one minute: expired 30 s ago (inside the 60 s skew) and 5 minutes ago (outside it).
        var withinSkew = ExportLinks(key, TimeSpan.FromSeconds(-90)).Issue(target, TimeSpan.FromMinutes(1));
        var expired = ExportLinks(key, TimeSpan.FromMinutes(-6)).Issue(target, TimeSpan.FromMinutes(1));
        var tooFarAhead = ExportLinks(key, TimeSpan.FromHours(2)).Issue(target, TimeSpan.FromHours(24));

        (await client.GetAsync(withinSkew.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeInvalidLinkAsync(await client.GetAsync(expired.Url), "expired");
        await ShouldBeInvalidLinkAsync(await client.GetAsync(tooFarAhead.Url), "valid for longer than 24 hours from now");
    }

    [Fact]
    public void Verify_WhenTheClockIsAtTheSkewEdge_ShouldAcceptSixtySecondsLateAndRefuseSixtyOne()
    {
        var key = ExportSigningKeys.NewEntry("k1");
        var target = new ExportTarget(Guid.NewGuid(), ExportScope.ForMonth(2026, 1), WireFormats.Xlsx);
        var link = ExportLinks(key, TimeSpan.Zero).Issue(target, TimeSpan.FromMinutes(15));
        var expires = link.ExpiresAt!.Value;
        var pairs = Query(link.Url).Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToArray();

        var atEdge = new HmacExportLinks(ExportSigningKeys.Parse(key), new FixedClock(expires.AddSeconds(60)), WireFormats.Registered).Verify("GET", IExportLinks.DownloadPath, pairs);
        var pastEdge = new HmacExportLinks(ExportSigningKeys.Parse(key), new FixedClock(expires.AddSeconds(61)), WireFormats.Registered).Verify("GET", IExportLinks.DownloadPath, pairs);
        var otherMethod = new HmacExportLinks(ExportSigningKeys.Parse(key), new FixedClock(expires), WireFormats.Registered).Verify("POST", IExportLinks.DownloadPath, pairs);
        var otherPath = new HmacExportLinks(ExportSigningKeys.Parse(key), new FixedClock(expires), WireFormats.Registered).Verify("GET", "/api/exports/other", pairs);

        atEdge.ShouldNotBeNull().Target.ShouldBe(target);
        pastEdge.ShouldBeNull();
        otherMethod.ShouldBeNull();
        otherPath.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenKeysRotate_ShouldAcceptOldLinksWhileTheOldKeyIsListedAndSignWithTheNewKey(DatabaseProvider provider)
    {
        var oldKey = ExportSigningKeys.NewEntry("old");
        var newKey = ExportSigningKeys.NewEntry("new");
        var retiredKey = ExportSigningKeys.NewEntry("gone");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = $"{newKey},{oldKey}" });
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();
        var target = new ExportTarget(scenario.CompanyId, ExportScope.ForQuarter(2026, 1), WireFormats.Xlsx);

        var issued = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, quarter = 1 }, "xlsx");
        var signedByOld = ExportLinks(oldKey, TimeSpan.Zero).Issue(target, TimeSpan.FromMinutes(15));
        var signedByRetired = ExportLinks(retiredKey, TimeSpan.Zero).Issue(target, TimeSpan.FromMinutes(15));

        Query(issued.Url)["kid"].ShouldBe("new");
        (await client.GetAsync(issued.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(signedByOld.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeInvalidLinkAsync(await client.GetAsync(signedByRetired.Url), "a key no longer listed");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task IssueExportLink_WhenScopeIsWrongOrNotTheCompanys_ShouldReturn400Or404Or409(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = ExportSigningKeys.NewEntry("k1") });
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();

        var bothShapes = await client.PostAsJsonAsync($"/api/companies/{scenario.CompanyId}/exports", new { scope = new { year = 2026, month = 1, quarter = 1 }, format = "csv" });
        var badFormat = await client.PostAsJsonAsync($"/api/companies/{scenario.CompanyId}/exports", new { scope = new { year = 2026, month = 1 }, format = "pdf" });
        var tooLong = await client.PostAsJsonAsync($"/api/companies/{scenario.CompanyId}/exports", new { scope = new { year = 2026, month = 1 }, format = "csv", expiresInMinutes = 1441 });
        var foreignPayroll = await client.PostAsJsonAsync($"/api/companies/{scenario.CompanyId}/exports", new { scope = new { payrollId = scenario.OtherPayroll }, format = "csv" });
        var noCompany = await client.PostAsJsonAsync($"/api/companies/{Guid.NewGuid()}/exports", new { scope = new { year = 2026, month = 1 }, format = "csv" });

        (await bothShapes.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("scope").ShouldNotBeEmpty();
        (await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("format").ShouldNotBeEmpty();
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("expiresInMinutes").ShouldNotBeEmpty();
        await foreignPayroll.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await noCompany.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenNoSecretIsSet_ShouldIssueAnUnsignedLinkAndNeverServeItAnonymously(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var scenario = await ExportScenario.CreateAsync(app);
        var anonymous = app.CreateAnonymousClient();
        var manager = await app.CreateClientAsync("payroll_manager", scenario.CompanyId);
        var viewer = await app.CreateClientAsync("viewer", scenario.CompanyId);
        var foreignManager = await app.CreateClientAsync("payroll_manager", scenario.OtherCompanyId);

        var link = await ExportScenario.IssueAsync(manager, scenario.CompanyId, new { year = 2026, month = 1 }, "csv");
        var response = await anonymous.GetAsync(link.Url);
        var forged = await anonymous.GetAsync(link.Url + "&exp=4102444800&kid=k1&sig=AAAA");

        link.ExpiresAt.ShouldBeNull();
        link.Url.ShouldBe($"/api/exports/download?company={scenario.CompanyId}&format=csv&scope=2026-01");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("type").GetString().ShouldBe("https://payrollportal.dev/problems/export-access-required");
        problem.GetProperty("detail").GetString()!.ShouldContain("signed export link or an authenticated session");
        await ShouldBeInvalidLinkAsync(forged, "a signature when no key is configured");

        // The caller's own token: a payroll manager of the company and the global admin download; a viewer and another
        // company's manager get the same 403 as nobody.
        var byManager = await manager.GetAsync(link.Url);
        byManager.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await byManager.Content.ReadAsStringAsync()).ShouldContain("Total");
        (await app.CreateClient().GetAsync(link.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await viewer.GetAsync(link.Url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("type").GetString()
            .ShouldBe("https://payrollportal.dev/problems/export-access-required");
        (await (await foreignManager.GetAsync(link.Url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("type").GetString()
            .ShouldBe("https://payrollportal.dev/problems/export-access-required");
    }

    private static async Task ShouldBeInvalidLinkAsync(HttpResponseMessage response, string what)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, what);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("type").GetString().ShouldBe("https://payrollportal.dev/problems/export-link-invalid", what);
        problem.GetProperty("detail").GetString().ShouldBe("This export link is not valid or has expired. Ask for a new link.", customMessage: what);
        problem.TryGetProperty("code", out _).ShouldBeFalse(what);
        problem.TryGetProperty("errors", out _).ShouldBeFalse(what);
    }

    private static HmacExportLinks ExportLinks(string keys, TimeSpan clockShift) =>
        new(ExportSigningKeys.Parse(keys), new FixedClock(DateTimeOffset.UtcNow + clockShift), WireFormats.Registered);

    private static Dictionary<string, string> Query(string url) =>
        QueryHelpers.ParseQuery(new Uri("http://x" + url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static string Url(Dictionary<string, string> query) =>
        QueryHelpers.AddQueryString(IExportLinks.DownloadPath, query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    private static Dictionary<string, string> With(Dictionary<string, string> query, string name, string value) => new(query) { [name] = value };

    private static Dictionary<string, string> Without(Dictionary<string, string> query, string name)
    {
        var copy = new Dictionary<string, string>(query);
        copy.Remove(name);
        return copy;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
