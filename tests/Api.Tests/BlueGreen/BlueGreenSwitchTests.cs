using PayrollPortal.Api.Cli.Drill;
using PayrollPortal.Api.Cli.Drill.BlueGreen;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;
using Xunit.Abstractions;

namespace PayrollPortal.Api.Tests.BlueGreen;

/// <summary>
/// The runbook's blue/green step under load on PostgreSQL, with real processes: two blue instances behind HAProxy (installed
/// by build/test.sh), one killed with SIGKILL mid-traffic, the expand migration applied while blue serves, green started,
/// warmed up and switched in, blue drained by SIGTERM. Nothing may be lost.
/// </summary>
public sealed class BlueGreenSwitchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Switch_FromBlueToGreenUnderLoad_ShouldLoseNothingAndCarrySessionsAndLinksAcross()
    {
        var haproxy = HaProxy.Find(Environment.GetEnvironmentVariable("HAPROXY_BIN"));
        haproxy.ShouldNotBeNull("HAProxy is missing: build/test.sh installs it (apt-get install haproxy)");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var environment = new Dictionary<string, string?>(ProcessSignIn.Environment) { [PiiKeyRing.Variable] = TestKeys.PiiKeys };
        var command = new ServerCommand("dotnet", [PayrollProcess.AssemblyPath]);
        var migrated = await PayrollProcess.RunAsync(["migrate", "up"], new Dictionary<string, string?>(environment) { ["DATABASE_URL"] = database.Url }, TimeSpan.FromSeconds(90));
        migrated.ExitCode.ShouldBe(0, migrated.StandardError);
        var work = Directory.CreateTempSubdirectory("payroll-bluegreen-").FullName;

        var report = await new BlueGreenSwitch(new BlueGreenOptions(
            database.Url, command, environment, PayrollApp.AdminEmail, TestKeys.AdminPassword,
            Path.Combine(AppContext.BaseDirectory, "db", "rehearsal"), haproxy, work, output.WriteLine)).RunAsync(CancellationToken.None);
        output.WriteLine(report.Summary);
        report.Failures.ToList().ForEach(output.WriteLine);

        report.Checks.Where(c => c.Status != DrillStatus.Pass).Select(c => $"{c.Name}: {c.Detail}").ShouldBeEmpty();
        report.Checks.Select(c => c.Name).ShouldBe([
            "kill -9 one blue instance", "expand migration while blue serves", "green ready on the same database", "green warmed up", "switch the load balancer to green",
            "blue drains and exits 0 after SIGTERM", "no failed request", "a key acknowledged by blue replays on green", "every acknowledged write exists exactly once", "heartbeats: green serves, drained blue left",
            "a cookie session from blue works on green", "a signed export link from blue downloads from green", "the audit chain verifies"]);
        report.Failed.ShouldBe(0, string.Join("\n", report.Failures));
        report.AcknowledgedWrites.ShouldBeGreaterThan(0);
    }
}
