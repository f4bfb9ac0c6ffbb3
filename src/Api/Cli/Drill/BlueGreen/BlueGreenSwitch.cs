using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Npgsql;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>
/// The runbook's step 7 as a program: blue (two instances) behind HAProxy under steady traffic; one blue killed with SIGKILL
/// mid-traffic; the expand migration applied while blue serves; green started on the same database and warmed up; the
/// balancer switched to green; blue sent SIGTERM, which drains. Then it checks that nothing was lost: no request failed
/// (beyond those sent again with their Idempotency-Key), every acknowledged write exists exactly once, blue's cookie session
/// and blue's signed export link work on green, the audit chain verifies, and heartbeats show who serves. Used by
/// <c>payroll drill --blue-green</c> on the restored staging database and by the test suite on a fresh one.
/// </summary>
internal sealed class BlueGreenSwitch(BlueGreenOptions options)
{
    /// <summary>Above the balancer's check interval × fall count, so blue leaves the pool before it stops accepting.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(Math.Ceiling((HaProxy.CheckInterval * HaProxy.FallCount).TotalSeconds) + 1);

    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PhaseWithin = TimeSpan.FromSeconds(60);

    private readonly List<DrillCheck> _checks = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>One export signing key for every instance (unless the environment holds one), so a link from blue works on green.</summary>
    private readonly string _exportKey = "bluegreen:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async Task<BlueGreenReport> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var ports = FreePorts(4);
        await using var blue1 = Start("blue1", ports[0]);
        await using var blue2 = Start("blue2", ports[1]);
        if (!await blue1.WaitUntilReadyAsync(StartWithin) || !await blue2.WaitUntilReadyAsync(StartWithin))
        {
            return Fail("blue ready", $"blue did not become ready: {blue1.Process.Output} {blue2.Process.Output}");
        }

        await using var green = new Lazy<AppInstance>(() => Start("green1", ports[2])).ToAsyncDisposable();
        await using var proxy = await HaProxy.StartAsync(options.HaProxyBinary, options.WorkDirectory, ports[3],
            [("blue1", blue1.Port, true), ("blue2", blue2.Port, true), ("green1", ports[2], false)]);
        if (!await proxy.WaitForStatusAsync("blue1", "UP", PhaseWithin) || !await proxy.WaitForStatusAsync("blue2", "UP", PhaseWithin))
        {
            return Fail("blue in the pool", $"HAProxy did not mark blue up: {proxy.Output}");
        }

        Progress($"blue serves behind HAProxy on {proxy.Address}");
        using var client = new HttpClient { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var anonymous = new HttpClient { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(30) };
        var (cookie, csrf) = await SignInAsync(anonymous, cancellationToken);
        await AuthorizeAsync(client, cookie, csrf, cancellationToken);
        var (companyId, employees) = await SeedAsync(client, cancellationToken);
        var exportUrl = await IssueExportAsync(client, companyId, employees[..2], cancellationToken);

        var pairs = employees.Chunk(2).ToList();
        var traffic = new SwitchTraffic(client, anonymous, companyId, pairs[..options.Workers], options.AdminEmail, options.AdminPassword, _run);
        var running = traffic.RunAsync(options.Workers, options.MaxIterationsPerWorker);
        await traffic.WaitForIterationsAsync(3, PhaseWithin); // the first requests warm blue up; steady state starts after them
        var steadyFrom = Stopwatch.GetTimestamp();
        await traffic.WaitForIterationsAsync(12, PhaseWithin);
        var steadyTo = Stopwatch.GetTimestamp();

        if (options.KillOneBlue)
        {
            await blue2.Process.SignalAsync("KILL");
            var down = await proxy.WaitForStatusAsync("blue2", "DOWN", PhaseWithin);
            Check("kill -9 one blue instance", down, down ? "blue2 killed mid-traffic; HAProxy marked it DOWN" : $"HAProxy still shows blue2 {await proxy.StatusAsync("blue2")}");
            await traffic.WaitForIterationsAsync(3, PhaseWithin);
        }

        var migrate = ChildProcess.Start(options.Command.File, options.Command.With("migrate", "up", "--scripts", options.ExpandScripts),
            new Dictionary<string, string?>(options.Environment) { ["DATABASE_URL"] = options.DatabaseUrl }, options.WorkDirectory);
        await using (migrate)
        {
            var exited = await migrate.WaitForExitAsync(PhaseWithin);
            Check("expand migration while blue serves", exited && migrate.ExitCode == 0, OneLine(migrate.Output));
        }

        var greenReady = await green.Value.WaitUntilReadyAsync(StartWithin);
        Check("green ready on the same database", greenReady, greenReady ? $"green1 answers /api/readyz 200 on {green.Value.Address}" : green.Value.Process.Output);
        if (!greenReady)
        {
            traffic.Stop();
            await running;
            return Report(traffic, steadyFrom, steadyTo, 0, 0);
        }

        var warmUp = await WarmUpAsync(green.Value, client.DefaultRequestHeaders.Authorization!, companyId, pairs[^1]);
        await traffic.WaitForIterationsAsync(3, PhaseWithin);

        await proxy.SetStateAsync("green1", "ready");
        var greenUp = await proxy.WaitForStatusAsync("green1", "UP", PhaseWithin);
        var switchFrom = Stopwatch.GetTimestamp();
        await proxy.SetStateAsync("blue1", "maint");
        await proxy.SetStateAsync("blue2", "maint");
        Check("switch the load balancer to green", greenUp, $"green1 {await proxy.StatusAsync("green1")}, blue1 {await proxy.StatusAsync("blue1")}");
        Progress("switched to green; stopping blue");

        await blue1.Process.SignalAsync("TERM");
        var blueExited = await blue1.Process.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var switchTo = Stopwatch.GetTimestamp();
        Check("blue drains and exits 0 after SIGTERM", blueExited && blue1.Process.ExitCode == 0,
            blueExited ? $"exit {blue1.Process.ExitCode} after a {Drain.TotalSeconds:0} s drain" : "blue1 did not exit within 40 s");

        await traffic.WaitForIterationsAsync(6, PhaseWithin);
        traffic.Stop();
        await running;

        Check("no failed request", traffic.Failures.Count == 0,
            traffic.Failures.Count == 0
                ? $"{traffic.Requests} request(s); {traffic.Retried} sent again with the same Idempotency-Key or as a read, {traffic.Replayed} replayed"
                : $"{traffic.Failures.Count} failed, first: {traffic.Failures.First()}");
        await CheckReplayAsync(client, companyId, traffic, cancellationToken);
        await CheckWritesAsync(companyId, traffic, warmUp, cancellationToken);
        await CheckOnGreenAsync(green.Value, cookie, exportUrl, client.DefaultRequestHeaders.Authorization!, cancellationToken);
        return Report(traffic, steadyFrom, steadyTo, switchFrom, switchTo);
    }

    private AppInstance Start(string name, int port)
    {
        var environment = new Dictionary<string, string?>(options.Environment, StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = options.DatabaseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
            ["SHUTDOWN_DRAIN_SECONDS"] = Drain.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["TRUSTED_PROXIES"] = "127.0.0.1",
            ["APP_VERSION"] = $"bluegreen-{name}",
            ["ADMIN_EMAIL"] = options.AdminEmail,
            ["ADMIN_PASSWORD"] = options.AdminPassword,

            // Every request of the switch comes from one client address, the drill's own.
            ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "100000",
        };
        if (string.IsNullOrWhiteSpace(environment.GetValueOrDefault(ExportSigningKeys.Variable)))
        {
            environment[ExportSigningKeys.Variable] = _exportKey;
        }

        return AppInstance.Start(name, options.Command, port, options.WorkDirectory, environment);
    }

    private async Task<(string Cookie, string Csrf)> SignInAsync(HttpClient anonymous, CancellationToken cancellationToken)
    {
        using var login = await anonymous.PostAsJsonAsync("api/auth/login", new { email = options.AdminEmail, password = options.AdminPassword }, cancellationToken);
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("payroll_session=", StringComparison.Ordinal)).Split(';')[0];
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("csrfToken").GetString()!;
        return (cookie, csrf);
    }

    /// <summary>A bearer token for the traffic, minted with blue's cookie session as a REST client following the README does.</summary>
    private static async Task AuthorizeAsync(HttpClient client, string cookie, string csrf, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tokens") { Content = JsonContent.Create(new { name = "blue-green switch", role = "admin" }) };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("X-CSRF-Token", csrf);
        using var created = await client.SendAsync(request, cancellationToken);
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>A company of the switch's own with two employees: its writes never touch the restored data.</summary>
    private async Task<(Guid CompanyId, Guid[] Employees)> SeedAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var company = await client.PostAsJsonAsync("api/companies", new { name = $"Blue/green {_run}", slug = $"bluegreen-{_run}" }, cancellationToken);
        company.EnsureSuccessStatusCode();
        var companyId = (await company.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var employees = new Guid[2 * (options.Workers + 1)]; // a pair per worker, and one for green's warm-up
        for (var i = 0; i < employees.Length; i++)
        {
            var ssn = $"{RandomNumberGenerator.GetInt32(100, 666):000}-{RandomNumberGenerator.GetInt32(10, 100):00}-{RandomNumberGenerator.GetInt32(1000, 10000):0000}";
            using var employee = await client.PostAsJsonAsync($"api/companies/{companyId}/employees", new
            {
                firstName = "Switch",
                lastName = $"Tester {i + 1}",
                ssn,
                hireDate = "2024-01-01",
                payFrequency = "monthly",
                w4 = new { version = "2020", filingStatus = "single" },
            }, cancellationToken);
            employee.EnsureSuccessStatusCode();
            employees[i] = (await employee.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        }

        return (companyId, employees);
    }

    /// <summary>A signed link issued while only blue serves, downloaded from green after the switch.</summary>
    private static async Task<string> IssueExportAsync(HttpClient client, Guid companyId, Guid[] employees, CancellationToken cancellationToken)
    {
        using var payroll = await client.PostAsJsonAsync($"api/companies/{companyId}/payrolls", new
        {
            periodStart = "2025-12-01",
            periodEnd = "2025-12-31",
            payDate = "2026-01-05",
            payFrequency = "monthly",
            lines = employees.Select(id => new { employeeId = id, grossWages = 4000.00m }),
        }, cancellationToken);
        payroll.EnsureSuccessStatusCode();
        var payrollId = (await payroll.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var link = await client.PostAsJsonAsync($"api/companies/{companyId}/exports", new { scope = new { payrollId }, format = "csv" }, cancellationToken);
        link.EnsureSuccessStatusCode();
        return (await link.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("url").GetString()!.TrimStart('/');
    }

    /// <summary>
    /// Green's first requests (JIT, connection pools) before it takes traffic, as a warm-up probe would: the same mix as the
    /// switch's traffic, sent to green directly, on an employee pair of its own so its approvals stale no worker's draft.
    /// </summary>
    private async Task<int> WarmUpAsync(AppInstance green, AuthenticationHeaderValue token, Guid companyId, Guid[] employees)
    {
        using var direct = new HttpClient { BaseAddress = green.Address, Timeout = TimeSpan.FromSeconds(30) };
        direct.DefaultRequestHeaders.Authorization = token;
        using var anonymous = new HttpClient { BaseAddress = green.Address, Timeout = TimeSpan.FromSeconds(30) };
        var warm = new SwitchTraffic(direct, anonymous, companyId, [employees], options.AdminEmail, options.AdminPassword, _run + "-warm");
        await warm.RunAsync(workers: 1, maxIterationsPerWorker: 8);
        Check("green warmed up", warm.Failures.Count == 0, $"{warm.Requests} request(s) of the same mix sent to green directly{(warm.Failures.Count == 0 ? "" : $"; first failure: {warm.Failures.First()}")}");
        return warm.Created.Count;
    }

    private async Task CheckWritesAsync(Guid companyId, SwitchTraffic traffic, int warmUpPayrolls, CancellationToken cancellationToken)
    {
        var settings = DatabaseSettings.Parse(options.DatabaseUrl);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var ids = traffic.Created.Select(c => c.Id).ToArray();
        var keys = traffic.Created.Select(c => c.Key + "-create").ToArray();
        var parameters = new { companyId, ids, keys };
        var present = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM payrolls WHERE id = ANY(@ids) AND status = 'approved'", parameters, cancellationToken: cancellationToken));
        var inCompany = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM payrolls WHERE company_id = @companyId", parameters, cancellationToken: cancellationToken));
        var createdEvents = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM audit_events WHERE action = 'payroll.created' AND idempotency_key = ANY(@keys)", parameters, cancellationToken: cancellationToken));
        var ok = ids.Length > 0 && present == ids.Length && inCompany == ids.Length + warmUpPayrolls + 1 && createdEvents == ids.Length;
        Check("every acknowledged write exists exactly once", ok,
            $"{ids.Length} acknowledged payroll(s): {present} approved in the database, {inCompany - warmUpPayrolls - 1} in the switch's company (beside the export's and green's {warmUpPayrolls} warm-up ones), {createdEvents} payroll.created event(s) for their keys");
        var heartbeats = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT build FROM instance_heartbeats WHERE heartbeat_at > now() - interval '60 seconds' ORDER BY build", cancellationToken: cancellationToken))).ToList();
        Check("heartbeats: green serves, drained blue left", heartbeats.Any(b => b.StartsWith("bluegreen-green1", StringComparison.Ordinal)) && !heartbeats.Any(b => b.StartsWith("bluegreen-blue1", StringComparison.Ordinal)),
            $"live in the last 60 s: {string.Join(", ", heartbeats)} (blue1 removed its row on stop; a killed instance stops beating and counts as gone after 60 s)");
    }

    /// <summary>The first payroll blue acknowledged, sent again with its key after the switch: green replays blue's response.</summary>
    private async Task CheckReplayAsync(HttpClient client, Guid companyId, SwitchTraffic traffic, CancellationToken cancellationToken)
    {
        var (key, id, worker) = traffic.Created.First();
        using var request = SwitchTraffic.Keyed(HttpMethod.Post, $"api/companies/{companyId}/payrolls", key + "-create", traffic.PayrollBody(worker));
        using var again = await client.SendAsync(request, cancellationToken);
        var replayed = again.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        var sameId = again.IsSuccessStatusCode && (await again.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid() == id;
        Check("a key acknowledged by blue replays on green", again.StatusCode == HttpStatusCode.Created && replayed && sameId,
            $"{(int)again.StatusCode}, Idempotent-Replayed {replayed}, same payroll {sameId}");
    }

    /// <summary>Blue's cookie session and blue's signed link, used on green directly; the audit chain, verified there.</summary>
    private async Task CheckOnGreenAsync(AppInstance green, string cookie, string exportUrl, AuthenticationHeaderValue token, CancellationToken cancellationToken)
    {
        using var direct = new HttpClient { BaseAddress = green.Address, Timeout = TimeSpan.FromSeconds(30) };
        using (var me = new HttpRequestMessage(HttpMethod.Get, "api/auth/me"))
        {
            me.Headers.Add("Cookie", cookie);
            using var answer = await direct.SendAsync(me, cancellationToken);
            var email = answer.IsSuccessStatusCode ? (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("user").GetProperty("email").GetString() : null;
            Check("a cookie session from blue works on green", email == options.AdminEmail, $"GET /api/auth/me with blue's cookie: {(int)answer.StatusCode} {email}");
        }

        using (var file = await direct.GetAsync(exportUrl, cancellationToken))
        {
            var type = file.Content.Headers.ContentType?.MediaType;
            Check("a signed export link from blue downloads from green", file.StatusCode == HttpStatusCode.OK && type == "text/csv", $"{(int)file.StatusCode} {type}");
        }

        using var verify = new HttpRequestMessage(HttpMethod.Get, "api/audit/verify");
        verify.Headers.Authorization = token;
        using var verified = await direct.SendAsync(verify, cancellationToken);
        var body = verified.IsSuccessStatusCode ? await verified.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : default;
        var intact = verified.StatusCode == HttpStatusCode.OK && body.GetProperty("problemCount").GetInt64() == 0;
        Check("the audit chain verifies", intact, verified.StatusCode == HttpStatusCode.OK
            ? $"{body.GetProperty("events")} event(s) in {body.GetProperty("chains")} chain(s), {body.GetProperty("problemCount")} problem(s)"
            : $"{(int)verified.StatusCode}");
    }

    private BlueGreenReport Report(SwitchTraffic traffic, long steadyFrom, long steadyTo, long switchFrom, long switchTo) => new(
        [.. _checks], traffic.Requests, traffic.Retried, traffic.Replayed, traffic.Failures.Count, traffic.Created.Count,
        traffic.P99(steadyFrom, steadyTo), traffic.SampleCount(steadyFrom, steadyTo),
        traffic.P99(switchFrom, switchTo), traffic.SampleCount(switchFrom, switchTo),
        switchTo > switchFrom ? Stopwatch.GetElapsedTime(switchFrom, switchTo).TotalSeconds : 0,
        [.. traffic.Failures.Take(10)]);

    private BlueGreenReport Fail(string name, string detail)
    {
        Check(name, false, detail);
        return new BlueGreenReport([.. _checks], 0, 0, 0, 0, 0, double.NaN, 0, double.NaN, 0, 0, []);
    }

    private void Check(string name, bool ok, string detail)
    {
        _checks.Add(new DrillCheck(name, ok ? DrillStatus.Pass : DrillStatus.Fail, detail));
        Progress($"{(ok ? "pass" : "FAIL")} {name}: {detail}");
    }

    private void Progress(string line) => options.Progress?.Invoke(line);

    private static string OneLine(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(4));

    /// <summary>Free loopback ports, all held until all are picked so none is handed out twice.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
