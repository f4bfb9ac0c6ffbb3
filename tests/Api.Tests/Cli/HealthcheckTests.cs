using Microsoft.Extensions.Configuration;
using PayrollPortal.Api.Cli;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Cli;

/// <summary><c>payroll healthcheck</c>, the container's HEALTHCHECK: where it looks and what it answers.</summary>
public sealed class HealthcheckTests
{
    [Theory]
    [InlineData("http://+:8000", null, "http://127.0.0.1:8000/api/livez")]
    [InlineData("http://*:9000;https://+:9443", null, "http://127.0.0.1:9000/api/livez")]
    [InlineData("http://0.0.0.0:8080", null, "http://127.0.0.1:8080/api/livez")]
    [InlineData(null, "8123", "http://127.0.0.1:8123/api/livez")]
    [InlineData(null, null, "http://127.0.0.1:8000/api/livez")]
    public void LivenessUrl_WhenConfiguredLikeTheServer_ShouldTargetTheServersLoopbackPort(string? urls, string? port, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["PORT"] = port }).Build();

        HealthcheckCommand.LivenessUrl(configuration).ShouldBe(new Uri(expected));
    }

    [Fact]
    public async Task Healthcheck_WhenNothingListens_ShouldExit1AndSayWhy()
    {
        var port = PayrollProcess.FreePort();
        var error = new StringWriter();
        var context = new CliContext(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build(), new StringWriter(), error);

        var exit = await PayrollCli.RunAsync(["healthcheck", "--timeout", "2"], context, CancellationToken.None);

        exit.ShouldBe(1);
        error.ToString().ShouldContain($"127.0.0.1:{port}/api/livez");
    }
}
