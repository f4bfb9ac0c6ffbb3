using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>
/// Steady traffic through the load balancer during the switch, in bounded loops on loopback: each iteration posts a payroll
/// with an Idempotency-Key, approves it (keyed), reads it, and every few iterations lists payrolls, signs in, issues a signed
/// export link (keyed) and downloads it. A request that fails in transport or with a 5xx (or finds its key still in flight)
/// is sent again, a write with the same Idempotency-Key, so it replays if the first attempt was done; only a request that
/// still fails after <see cref="MaxAttempts"/> counts as failed.
/// </summary>
/// <remarks>
/// Each worker pays its own employees: approving a payroll changes its employees' year-to-date wages, which makes another
/// draft of the same employees stale (409 <c>payroll.stale</c>), a business rule rather than a lost request.
/// </remarks>
internal sealed class SwitchTraffic(HttpClient client, HttpClient anonymous, Guid companyId, IReadOnlyList<Guid[]> employeesPerWorker, string adminEmail, string adminPassword, string run)
{
    public const int MaxAttempts = 8;

    private readonly ConcurrentQueue<(long At, double Ms)> _samples = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<(string Key, Guid Id, int Worker)> _created = new();
    private long _requests;
    private long _retried;
    private long _replayed;
    private long _iterations;
    private volatile bool _stop;

    public long Requests => Interlocked.Read(ref _requests);

    public long Retried => Interlocked.Read(ref _retried);

    public long Replayed => Interlocked.Read(ref _replayed);

    public long Iterations => Interlocked.Read(ref _iterations);

    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Every payroll whose creation was acknowledged (2xx), with its key.</summary>
    public IReadOnlyCollection<(string Key, Guid Id, int Worker)> Created => _created;

    /// <summary>Each attempt's start (Stopwatch timestamp) and latency in milliseconds.</summary>
    public IReadOnlyCollection<(long At, double Ms)> Samples => _samples;

    public void Stop() => _stop = true;

    public Task RunAsync(int workers, int maxIterationsPerWorker) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w, maxIterationsPerWorker))));

    /// <summary>Polls until <paramref name="count"/> more iterations completed; false if the deadline came first.</summary>
    public async Task<bool> WaitForIterationsAsync(long count, TimeSpan within)
    {
        var target = Iterations + count;
        var until = DateTime.UtcNow + within;
        while (Iterations < target && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return Iterations >= target;
    }

    /// <summary>The 99th percentile of the attempts that started between two Stopwatch timestamps.</summary>
    public double P99(long from, long to)
    {
        var window = _samples.Where(s => s.At >= from && s.At < to).Select(s => s.Ms).Order().ToArray();
        return window.Length == 0 ? double.NaN : window[Math.Min(window.Length - 1, (int)Math.Ceiling(window.Length * 0.99) - 1)];
    }

    public int SampleCount(long from, long to) => _samples.Count(s => s.At >= from && s.At < to);

    /// <summary>The payroll a worker posts, the same every time, so a key sent again matches its first request.</summary>
    public string PayrollBody(int worker) => JsonSerializer.Serialize(new
    {
        periodStart = "2026-01-01",
        periodEnd = "2026-01-31",
        payDate = "2026-02-05",
        payFrequency = "monthly",
        lines = employeesPerWorker[worker].Select(id => new { employeeId = id, grossWages = 5000.00m }),
    });

    public static HttpRequestMessage Keyed(HttpMethod method, string url, string key, string json)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private async Task WorkerAsync(int worker, int maxIterations)
    {
        var body = PayrollBody(worker);
        var payrolls = $"api/companies/{companyId}/payrolls";
        for (var i = 0; i < maxIterations && !_stop; i++)
        {
            var key = $"{run}-{worker}-{i}";
            using var created = await SendAsync(() => Keyed(HttpMethod.Post, payrolls, key + "-create", body), HttpStatusCode.Created, $"POST {payrolls} ({key}-create)");
            if (created is null)
            {
                continue;
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            _created.Enqueue((key, id, worker));
            (await SendAsync(() => Keyed(HttpMethod.Post, $"{payrolls}/{id}/approve", key + "-approve", "{}"), HttpStatusCode.OK, $"approve {id}"))?.Dispose();

            (await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"{payrolls}/{id}"), HttpStatusCode.OK, $"GET payroll {id}"))?.Dispose();

            if (i % 2 == 0)
            {
                (await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"{payrolls}?limit=5"), HttpStatusCode.OK, "GET payrolls"))?.Dispose();
            }

            if (i % 3 == 0)
            {
                (await SendAsync(
                    () => new HttpRequestMessage(HttpMethod.Post, "api/auth/login") { Content = JsonContent.Create(new { email = adminEmail, password = adminPassword }) },
                    HttpStatusCode.OK, "sign in", anonymous))?.Dispose();
            }

            if (i % 4 == 0)
            {
                var exportBody = JsonSerializer.Serialize(new { scope = new { payrollId = id }, format = "csv" });
                using var link = await SendAsync(() => Keyed(HttpMethod.Post, $"api/companies/{companyId}/exports", key + "-export", exportBody), HttpStatusCode.Created, $"issue export {id}");
                if (link is not null)
                {
                    var url = (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!.TrimStart('/');
                    (await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), HttpStatusCode.OK, $"download export {id}", anonymous))?.Dispose();
                }
            }

            Interlocked.Increment(ref _iterations);
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Func<HttpRequestMessage> build, HttpStatusCode expected, string what, HttpClient? via = null)
    {
        Interlocked.Increment(ref _requests);
        var last = "";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage? response = null;
            try
            {
                using var request = build();
                response = await (via ?? client).SendAsync(request);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            _samples.Enqueue((started, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            if (response is not null)
            {
                if (response.StatusCode == expected)
                {
                    if (attempt > 1)
                    {
                        Interlocked.Increment(ref _retried);
                    }

                    if (response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"))
                    {
                        Interlocked.Increment(ref _replayed);
                    }

                    return response;
                }

                var text = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {text}";
                var retryable = (int)response.StatusCode >= 500 || text.Contains("idempotency-key-in-flight", StringComparison.Ordinal);
                response.Dispose();
                if (!retryable)
                {
                    break;
                }
            }

            await Task.Delay(50 * attempt);
        }

        _failures.Enqueue($"{what}: {last}");
        return null;
    }
}
