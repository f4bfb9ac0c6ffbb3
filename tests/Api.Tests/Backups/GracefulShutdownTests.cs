using System.Diagnostics;
using System.Net;
using System.Text;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Backups;

/// <summary>SIGTERM during a request: readiness turns 503, the request still completes and is stored, the process exits 0.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_WhileASlowRequestIsInFlight_ShouldTurnReadinessTo503FinishTheRequestAndExit0()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = PayrollProcess.FreePort();
        using var server = PayrollProcess.Start([], new Dictionary<string, string?>(ProcessSignIn.Environment)
        {
            ["DATABASE_URL"] = database.Url,
            [PiiKeyRing.Variable] = TestKeys.PiiKeys,
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Long enough that a loaded machine still sees readiness turn 503 within the drain; the test ends when the
            // in-flight request completes, not when the drain does.
            ["SHUTDOWN_DRAIN_SECONDS"] = "10",
        });
        var output = ProcessOutput.Capture(server);
        var baseAddress = new Uri($"http://localhost:{port}/");
        (await WaitForAsync(baseAddress, HttpStatusCode.OK, TimeSpan.FromSeconds(60))).ShouldBeTrue(output.ToString());

        using var slowClient = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await ProcessSignIn.AuthorizeAsAdminAsync(slowClient);
        var body = new SlowJsonContent("""{"name":"Slow Payroll Co","slug":"slow-co"}""");
        var request = slowClient.PostAsync("api/companies", body);
        await body.FirstHalfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);

        using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        (await WaitForAsync(baseAddress, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10))).ShouldBeTrue("readyz did not turn 503 during the drain");
        body.SendTheRest.SetResult();
        using var response = await request;
        var exited = await Task.Run(() => server.WaitForExit(TimeSpan.FromSeconds(30)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        exited.ShouldBeTrue("the server did not exit within 30 s of SIGTERM");
        server.ExitCode.ShouldBe(0, output.ToString());
        (await BackupCli.CountAsync(database.Settings, "SELECT count(*) FROM companies WHERE slug = 'slow-co'")).ShouldBe(1);
    }

    /// <summary>Polls <c>/api/readyz</c> on fresh connections until it answers <paramref name="expected"/>.</summary>
    private static async Task<bool> WaitForAsync(Uri baseAddress, HttpStatusCode expected, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync("api/readyz");
                if (response.StatusCode == expected)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or no longer.
            }
            catch (TaskCanceledException)
            {
                // One poll outlasted its 5 s (a loaded machine starting the server): poll again until the deadline.
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>A JSON body sent in two halves, the second only when the test says so: a request that stays in flight.</summary>
    private sealed class SlowJsonContent : HttpContent
    {
        private readonly byte[] _bytes;

        public SlowJsonContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public TaskCompletionSource FirstHalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SendTheRest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _bytes.Length / 2;
            await stream.WriteAsync(_bytes.AsMemory(0, half));
            await stream.FlushAsync();
            FirstHalfSent.SetResult();
            await SendTheRest.Task;
            await stream.WriteAsync(_bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
