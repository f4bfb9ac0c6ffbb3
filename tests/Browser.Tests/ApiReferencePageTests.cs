using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>The API reference at /api/docs as a reader sees it: this product's name and version, no vendor buttons.</summary>
public sealed class ApiReferencePageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task ApiReference_WhenRendered_ShouldShowTheProductAndNoVendorButtons() => _portal.RunAsync(async () =>
    {
        using var client = fixture.App.CreateClient();
        var version = (await client.GetFromJsonAsync<JsonElement>("/api/meta")).GetProperty("version").GetString();
        fixture.Driver.Navigate().GoToUrl(new Uri(fixture.BaseAddress, "/api/docs"));
        _portal.WaitUntil(() => fixture.Driver.FindElement(By.TagName("body")).Text.Contains("Payroll Portal API", StringComparison.Ordinal), "the reference shows the API's title");
        _portal.WaitUntil(() => fixture.Driver.FindElement(By.TagName("body")).Text.Contains("/api/closings", StringComparison.Ordinal), "the operations are listed");

        var text = fixture.Driver.FindElement(By.TagName("body")).Text;
        fixture.Driver.Title.ShouldBe("Payroll Portal API");
        text.ShouldContain($"v{version}", Case.Sensitive, "the product's version, as /api/meta reports it");
        foreach (var vendor in new[] { "Ask AI", "Deploy", "Generate SDK", "Open API Client" })
        {
            text.ShouldNotContain(vendor, Case.Insensitive);
        }
    });
}
