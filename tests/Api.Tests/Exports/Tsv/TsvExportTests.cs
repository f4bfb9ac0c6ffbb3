using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Exports;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports.Tsv;

/// <summary>
/// A format added by registering one writer, with no edit under <c>src/</c>: parsed in the link request, signed into the
/// link, written at download and listed in the OpenAPI document, on both databases.
/// </summary>
public sealed partial class TsvExportTests
{
    private static readonly Dictionary<string, string?> Signed = new() { [ExportSigningKeys.Variable] = ExportSigningKeys.NewEntry("k1") };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Download_WhenASignedTsvLinkIsFollowedAnonymously_ShouldSendTheCsvRowsTabSeparated(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider, Signed, services => services.AddExportWriter<TsvRegisterWriter>());
        var scenario = await ExportScenario.CreateAsync(app);
        var client = app.CreateClient();
        var csvLink = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, quarter = 1 }, "csv");
        var csv = Csv.Parse(Encoding.UTF8.GetString(await client.GetByteArrayAsync(csvLink.Url)).TrimStart('\uFEFF'));

        var link = await ExportScenario.IssueAsync(client, scenario.CompanyId, new { year = 2026, quarter = 1 }, "tsv");
        using var response = await app.CreateAnonymousClient().GetAsync(link.Url);

        link.Url.ShouldContain("format=tsv");
        link.Url.ShouldContain("&sig=");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(TsvRegisterWriter.MediaType);
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("payroll-acme-2026-q1.tsv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        lines[^1].ShouldBeEmpty("every line ends with a line feed");
        lines[..^1].Select(l => l.Split('\t')).ShouldBe(csv, "the same header, rows and totals as the CSV of the scope");
        csv.Count.ShouldBe(10, "a header, eight approved lines and the totals");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task IssueLink_WhenTheFormatIsUnknown_ShouldNameEveryRegisteredFormat(DatabaseProvider provider)
    {
        await using var plain = await PayrollApp.StartAsync(provider);
        await using var withTsv = await PayrollApp.StartAsync(provider, services: services => services.AddExportWriter<TsvRegisterWriter>());

        var refused = await RefusalAsync(plain, "tsv");
        var refusedWithTsv = await RefusalAsync(withTsv, "ods");

        refused.ShouldBe(["format must be \"csv\", \"xlsx\" or \"payslips-zip\"."]);
        refusedWithTsv.ShouldBe(["format must be \"csv\", \"xlsx\", \"payslips-zip\" or \"tsv\"."]);
    }

    [Fact]
    public async Task DownloadEndpoint_WhenTsvIsRegistered_ShouldDeclareItsMediaTypeBesideCsvAndXlsx()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite, services: services => services.AddExportWriter<TsvRegisterWriter>());

        var download = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "DownloadExport");

        download.Metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode == 200).SelectMany(p => p.ContentTypes).ShouldBe([
            "text/csv; charset=utf-8; header=present", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip",
            "text/tab-separated-values; charset=utf-8"]);
    }

    [Fact]
    public void SourceTree_WhenSearched_ShouldNotNameTheTestOnlyFormat()
    {
        var naming = Directory.EnumerateFiles(RepositoryFiles.PathOf("src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj") && !f.EndsWith(".gz", StringComparison.Ordinal))
            .Where(f => TsvName().IsMatch(File.ReadAllText(f)))
            .ToArray();

        naming.ShouldBeEmpty();
    }

    private static async Task<string[]> RefusalAsync(PayrollApp app, string format)
    {
        var company = await app.CompanyAsync("acme");
        using var response = await app.CreateClient().PostAsJsonAsync($"/api/companies/{company.Id}/exports", new { scope = new { year = 2026, month = 1 }, format });
        return (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("format");
    }

    [GeneratedRegex(@"\btsv\b|text/tab-separated-values", RegexOptions.IgnoreCase)]
    private static partial Regex TsvName();
}
