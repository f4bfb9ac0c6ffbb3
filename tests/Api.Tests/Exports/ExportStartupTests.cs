using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>A bad <c>EXPORT_HMAC_SECRET</c> stops the real executable before it serves anything, without printing the secret.</summary>
public sealed class ExportStartupTests
{
    [Theory]
    [InlineData("k1:too-short-secret", "shorter than 32 bytes")]
    [InlineData("no-colon-here-and-long-enough-to-be-a-secret-really", "is not kid:secret")]
    [InlineData("bad kid!:0123456789abcdef0123456789abcdef", "key id")]
    [InlineData("k1:0123456789abcdef0123456789abcdef,k1:fedcba9876543210fedcba9876543210", "listed twice")]
    public async Task Serve_WhenExportSecretIsMalformed_ShouldExit2WithOneLineThatHidesTheSecret(string secret, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("payroll-export-keys-").FullName;
        try
        {
            var outcome = await PayrollProcess.RunAsync([], new Dictionary<string, string?>
            {
                ["EXPORT_HMAC_SECRET"] = secret,
                ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
                ["DATABASE_URL"] = $"sqlite:///{directory}/app.db",
                ["PORT"] = PayrollProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, TimeSpan.FromSeconds(60));

            outcome.ExitCode.ShouldBe(2);
            var line = outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
            line.ShouldContain(expected);
            line.ShouldNotContain("0123456789abcdef");
            line.ShouldNotContain("too-short-secret");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
