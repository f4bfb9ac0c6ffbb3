using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>What an operator sees when the configuration is wrong: one clear line, a non-zero exit, no password.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("mysql://root:hunter2@localhost/payroll", "unknown scheme 'mysql'")]
    [InlineData("postgresql://payroll:hunter2@/payroll", "malformed")]
    [InlineData("not a url", "malformed")]
    public async Task Serve_WhenDatabaseUrlIsBad_ShouldExit2WithOneLineNamingTheProblem(string url, string expected)
    {
        var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = url,
            ["PORT"] = "0",
        }, TimeSpan.FromSeconds(60));

        outcome.ExitCode.ShouldBe(2);
        var lines = outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldContain(expected);
        (outcome.StandardOutput + outcome.StandardError).ShouldNotContain("hunter2");
    }

    [Theory]
    [InlineData(null, "required in Production")]
    [InlineData("k1:dG9vLXNob3J0", "must be 32 bytes")]
    [InlineData("no-colon", "malformed")]
    public async Task Serve_WhenPiiKeysMissingOrBadInProduction_ShouldExit2WithOneLine(string? keys, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("payroll-keys-").FullName;
        try
        {
            var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["PII_ENCRYPTION_KEYS"] = keys,
                ["DATABASE_URL"] = $"sqlite:///{directory}/app.db",
                ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, TimeSpan.FromSeconds(60));

            outcome.ExitCode.ShouldBe(2);
            outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldContain(expected);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_WhenNoDatabaseUrl_ShouldCreateDataAppDbAndAnswerHealthz()
    {
        var directory = Directory.CreateTempSubdirectory("payroll-fresh-").FullName;
        var port = PayrollProcess.FreePort();
        using var process = PayrollProcess.Start([], new Dictionary<string, string?>
        {
            // What `dotnet run --project src/Api` sets through Properties/launchSettings.json.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, directory);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
            var status = await PollHealthAsync(client);

            status.ShouldBe(System.Net.HttpStatusCode.OK);
            File.Exists(Path.Combine(directory, "data", "app.db")).ShouldBeTrue();
            File.Exists(Path.Combine(directory, "data", "pii-keys.dev.txt")).ShouldBeTrue();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<System.Net.HttpStatusCode?> PollHealthAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                return (await client.GetAsync("/api/healthz")).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        return null;
    }
}
