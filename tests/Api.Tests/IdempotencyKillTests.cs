using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;
using Xunit.Abstractions;

namespace PayrollPortal.Api.Tests;

/// <summary>
/// The real <c>payroll</c> process, killed with SIGKILL while 200 payroll posts with distinct keys are in flight, then
/// restarted on the same database: what clients were told still holds, nothing is half-written, and retrying every key
/// never makes a duplicate.
/// </summary>
public sealed class IdempotencyKillTests(ITestOutputHelper output)
{
    private const int Posts = 200;
    private const int Employees = 3;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PayrollPosts_WhenServerIsKilledMidFlight_ShouldKeepEachAcknowledgedPayrollOnceAndMakeRetriesSafe(DatabaseProvider provider)
    {
        DapperTypeHandlers.Register();
        await using var database = await TestDatabase.CreateAsync(provider);
        var port = PayrollProcess.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(90) };

        var server = await Server.StartAsync(database, port, client);
        await ProcessSignIn.AuthorizeAsAdminAsync(client);
        var companyId = (await PostAsync(client, "/api/companies", """{"name":"Acme","slug":"acme"}""")).GetProperty("id").GetGuid();
        var employees = new Guid[Employees];
        for (var i = 0; i < Employees; i++)
        {
            employees[i] = (await PostAsync(client, $"/api/companies/{companyId}/employees",
                $$$"""{"firstName":"E{{{i}}}","lastName":"Kill","ssn":"123-45-{{{6780 + i}}}","hireDate":"2024-01-01","payFrequency":"monthly","w4":{"version":"2020","filingStatus":"single"}}"""))
                .GetProperty("id").GetGuid();
        }

        var url = $"/api/companies/{companyId}/payrolls";
        var body = HttpRequests.PayrollBody(employees);
        var acknowledged = new ConcurrentDictionary<string, Guid>();

        // The kill is triggered by the server's own progress (payrolls committed), watched from a dedicated thread, so that
        // the test's busy thread pool cannot delay it until every request has finished.
        var killer = new Thread(() => KillMidFlight(database, server, acknowledged)) { IsBackground = true };
        killer.Start();
        var inFlight = Enumerable.Range(0, Posts).Select(i => $"kill-{i:D3}").Select(key => Task.Run(async () =>
        {
            try
            {
                using var response = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, url, key, body));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                }
            }
            catch (HttpRequestException)
            {
                // The server died under this request: the client does not know whether it happened, which is what retries are for.
            }
        })).ToArray();

        killer.Join();
        await Task.WhenAll(inFlight);
        acknowledged.Count.ShouldBeLessThan(Posts, "the kill should land while requests are still in flight");
        output.WriteLine($"{provider}: {acknowledged.Count} of {Posts} posts acknowledged before SIGKILL");

        server = await Server.StartAsync(database, port, client);
        try
        {
            await using (var connection = await database.OpenAsync())
            {
                var stored = (await connection.QueryAsync<Guid>("SELECT id FROM payrolls")).ToArray();
                stored.Distinct().Count().ShouldBe(stored.Length);
                foreach (var (key, id) in acknowledged)
                {
                    stored.Count(s => s == id).ShouldBe(1, $"{key} was acknowledged as payroll {id}");
                }

                var withoutAllLines = await connection.ExecuteScalarAsync<long>(
                    $"SELECT COUNT(*) FROM payrolls p WHERE (SELECT COUNT(*) FROM payroll_lines l WHERE l.payroll_id = p.id) <> {Employees}");
                withoutAllLines.ShouldBe(0L);
            }

            var retried = new ConcurrentDictionary<string, Guid>();
            await Parallel.ForEachAsync(Enumerable.Range(0, Posts).Select(i => $"kill-{i:D3}"), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, _) =>
            {
                var (response, text) = await RetryUntilSettledAsync(client, url, key, body);
                response.StatusCode.ShouldBe(HttpStatusCode.Created, $"{key}: {text}");
                var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
                if (acknowledged.TryGetValue(key, out var original))
                {
                    id.ShouldBe(original, $"{key} was acknowledged before the kill, so its retry must replay it");
                    response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
                }

                retried[key] = id;
            });

            await using (var connection = await database.OpenAsync())
            {
                var stored = (await connection.QueryAsync<Guid>("SELECT id FROM payrolls")).Order().ToArray();
                stored.ShouldBe(retried.Values.Distinct().Order().ToArray(), "every payroll belongs to exactly one key, and every key to one payroll");
                stored.Length.ShouldBe(Posts);
                output.WriteLine($"{provider}: after the restart every key settled once: " +
                    $"{retried.Count(r => !acknowledged.ContainsKey(r.Key))} keys unacknowledged before the kill, {stored.Length} payrolls");
                (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE action = 'payroll.created'")).ShouldBe(Posts);
            }
        }
        finally
        {
            server.Kill();
        }
    }

    /// <summary>
    /// Kills once a quarter of the posts committed and at least one client heard back (or, failing that, at three quarters),
    /// so that acknowledged, committed-but-unacknowledged and never-committed requests all exist at the kill.
    /// </summary>
    private static void KillMidFlight(TestDatabase database, Server server, ConcurrentDictionary<string, Guid> acknowledged)
    {
        using (var connection = database.OpenAsync().GetAwaiter().GetResult())
        {
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                var commits = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM payrolls");
                if ((commits >= Posts / 4 && !acknowledged.IsEmpty) || commits >= Posts * 3 / 4)
                {
                    break;
                }

                Thread.Sleep(2);
            }
        }

        server.Kill();
    }

    /// <summary>
    /// Retries as a client should: a 409 means the key is still held, so wait Retry-After. The dead server's keys are not
    /// held (nothing of an unfinished request was committed, and PostgreSQL dropped its connections' locks), but a client
    /// cannot know that.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, string Body)> RetryUntilSettledAsync(HttpClient client, string url, string key, string body)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.SendAsync(HttpRequests.Keyed(HttpMethod.Post, url, key, body));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 60)
            {
                return (response, text);
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, string json)
    {
        using var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The server process, with its output drained so that a chatty log never blocks it on a full pipe.</summary>
    private sealed class Server
    {
        private readonly Process _process;

        private Server(Process process) => _process = process;

        public static async Task<Server> StartAsync(TestDatabase database, int port, HttpClient client)
        {
            var process = PayrollProcess.Start([], new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = database.Url,
                ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
                ["PAYROLL_ENFORCE_MIGRATIONS"] = null,
                ["LOG_FORMAT"] = "text",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ADMIN_EMAIL"] = ProcessSignIn.Environment["ADMIN_EMAIL"],
                ["ADMIN_PASSWORD"] = ProcessSignIn.Environment["ADMIN_PASSWORD"],
            });
            var output = ProcessOutput.Capture(process);

            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                process.HasExited.ShouldBeFalse($"the server exited: {output}");
                try
                {
                    using var ready = await client.GetAsync("/api/readyz");
                    if (ready.StatusCode == HttpStatusCode.OK)
                    {
                        return new Server(process);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            process.Kill();
            throw new TimeoutException($"The server did not become ready: {output}");
        }

        /// <summary>SIGKILL: no shutdown, no flushing, no finally blocks.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
