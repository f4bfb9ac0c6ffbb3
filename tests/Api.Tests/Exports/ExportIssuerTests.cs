using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using PayrollPortal.Application.Exports;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>
/// A signed link does not outlive its issuer's export rights, has one spelling only, and links from before links named
/// their issuer keep working until they expire.
/// </summary>
public sealed class ExportIssuerTests
{
    private const string InvalidLinkType = "https://payrollportal.dev/problems/export-link-invalid";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenTheIssuerWasDemotedOrRemoved_ShouldBe403WhileAnotherManagersLinkStillWorks(DatabaseProvider provider)
    {
        var key = ExportSigningKeys.NewEntry("k1");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = key });
        var scenario = await ExportScenario.CreateAsync(app);
        var (demoted, demotedToken) = await app.CreateMemberAsync("payroll_manager", scenario.CompanyId);
        var (removed, removedToken) = await app.CreateMemberAsync("payroll_manager", scenario.CompanyId);
        var staying = await app.CreateClientAsync("payroll_manager", scenario.CompanyId);
        var scope = new { year = 2026, quarter = 1 };
        var byDemoted = await ExportScenario.IssueAsync(Bearer(app, demotedToken), scenario.CompanyId, scope, "csv");
        var byRemoved = await ExportScenario.IssueAsync(Bearer(app, removedToken), scenario.CompanyId, scope, "csv");
        var byStaying = await ExportScenario.IssueAsync(staying, scenario.CompanyId, scope, "csv");
        var anonymous = app.CreateAnonymousClient();
        (await anonymous.GetAsync(byDemoted.Url)).StatusCode.ShouldBe(HttpStatusCode.OK, "the issuer still has export rights");

        var admin = app.CreateClient();
        (await admin.PatchAsJsonAsync($"/api/companies/{scenario.CompanyId}/users/{demoted.UserId}", new { role = "viewer" })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/companies/{scenario.CompanyId}/users/{removed.UserId}")).EnsureSuccessStatusCode();

        await ShouldBeInvalidLinkAsync(await anonymous.GetAsync(byDemoted.Url), "issued by a manager now a viewer");
        await ShouldBeInvalidLinkAsync(await anonymous.GetAsync(byRemoved.Url), "issued by a former member");
        (await anonymous.GetAsync(byStaying.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenTheSignatureIsSpelledNonCanonically_ShouldBe403(DatabaseProvider provider)
    {
        var key = ExportSigningKeys.NewEntry("k1");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = key });
        var scenario = await ExportScenario.CreateAsync(app);
        var link = await ExportScenario.IssueAsync(app.CreateClient(), scenario.CompanyId, new { year = 2026, month = 1 }, "csv");
        var query = Query(link.Url);
        var sig = query["sig"];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(sig[^1], StringComparison.Ordinal);
        var sameBytes = sig[..^1] + alphabet[last ^ 1]; // the 43rd character's two low bits fall outside the 32 bytes
        var anonymous = app.CreateAnonymousClient();

        (await anonymous.GetAsync(link.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeInvalidLinkAsync(await anonymous.GetAsync(Url(With(query, "sig", sig + "="))), "a trailing =");
        await ShouldBeInvalidLinkAsync(await anonymous.GetAsync(Url(With(query, "sig", sameBytes))), "unused trailing bits set");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenTheLinkWasIssuedBeforeLinksNamedTheirIssuer_ShouldBeHonouredUntilItExpires(DatabaseProvider provider)
    {
        var key = ExportSigningKeys.NewEntry("k1");
        await using var app = await PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = key });
        var scenario = await ExportScenario.CreateAsync(app);
        var target = new ExportTarget(scenario.CompanyId, ExportScope.ForMonth(2026, 1), WireFormats.Csv);
        var earlier = new HmacExportLinks(ExportSigningKeys.Parse(key), new FixedClock(DateTimeOffset.UtcNow.AddHours(-23)), WireFormats.Registered);
        var expired = new HmacExportLinks(ExportSigningKeys.Parse(key), new FixedClock(DateTimeOffset.UtcNow.AddHours(-25)), WireFormats.Registered);

        var old = earlier.Issue(target, TimeSpan.FromHours(24));
        var pastItsTime = expired.Issue(target, TimeSpan.FromHours(24));

        Query(old.Url).ContainsKey("by").ShouldBeFalse();
        (await app.CreateAnonymousClient().GetAsync(old.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeInvalidLinkAsync(await app.CreateAnonymousClient().GetAsync(pastItsTime.Url), "an old link past its 24 hours");
    }

    private static HttpClient Bearer(PayrollApp app, string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task ShouldBeInvalidLinkAsync(HttpResponseMessage response, string what)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, what);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("type").GetString().ShouldBe(InvalidLinkType, what);
    }

    private static Dictionary<string, string> Query(string url) =>
        QueryHelpers.ParseQuery(new Uri("http://x" + url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static string Url(Dictionary<string, string> query) =>
        QueryHelpers.AddQueryString(IExportLinks.DownloadPath, query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    private static Dictionary<string, string> With(Dictionary<string, string> query, string name, string value) => new(query) { [name] = value };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
