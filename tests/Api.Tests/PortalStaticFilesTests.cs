using System.Net;
using System.Text.RegularExpressions;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>
/// The portal's files are served to anyone (the login page must load before a session exists), and serving them never
/// takes over /api or /openapi. Static files touch no database, so SQLite alone is enough here.
/// </summary>
public sealed partial class PortalStaticFilesTests
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/js/views/payroll-editor.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    public async Task PortalFile_WhenRequestedWithoutSession_ShouldBeServed(string path, string contentType)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateAnonymousClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/companies/not-a-guid/payrolls")]
    [InlineData("/openapi/no-such-document.json")]
    public async Task UnknownApiPath_ShouldBeAProblemNotThePortalPage(string path)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync(path); // signed in, so the answer is about the path, not the caller

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<html", Case.Insensitive);
    }

    [Fact]
    public async Task OpenApiDocument_ShouldStillBeServedBesideThePortal()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    /// <summary>
    /// The portal must run under a strict Content Security Policy (script-src 'self', no inline script, no inline handlers,
    /// no style attributes). A browser would only report a violation at run time, so the files are checked here.
    /// </summary>
    [Fact]
    public void PortalFiles_ShouldUseNothingAStrictContentSecurityPolicyBlocks()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var html = Directory.GetFiles(root, "*.html", SearchOption.AllDirectories);
        var scripts = Directory.GetFiles(root, "*.js", SearchOption.AllDirectories);
        html.ShouldNotBeEmpty();
        scripts.Length.ShouldBeGreaterThan(5);

        foreach (var file in html)
        {
            var text = File.ReadAllText(file);
            InlineScript().IsMatch(text).ShouldBeFalse($"{file} has an inline <script>");
            InlineHandler().IsMatch(text).ShouldBeFalse($"{file} has an inline event handler");
            StyleAttribute().IsMatch(text).ShouldBeFalse($"{file} has a style attribute");
            text.ShouldNotContain("<style", Case.Insensitive, $"{file} has an inline <style> block");
        }

        foreach (var file in scripts)
        {
            var text = File.ReadAllText(file);
            foreach (var forbidden in new[] { ".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write" })
            {
                text.ShouldNotContain(forbidden, Case.Sensitive, $"{file} writes markup ({forbidden}); build nodes with dom.js");
            }

            text.ShouldNotContain("setAttribute('style'", Case.Sensitive, $"{file} sets a style attribute");
            text.ShouldNotContain("eval(", Case.Sensitive, $"{file} evaluates code");
            text.ShouldNotContain("new Function(", Case.Sensitive, $"{file} evaluates code");
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
