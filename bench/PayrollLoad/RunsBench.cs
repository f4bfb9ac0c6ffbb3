using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace PayrollPortal.PayrollLoad;

/// <summary>
/// bench/runs.sh: starting a schedule's period (POST .../runs, issue 22) against posting the same lines explicitly (POST
/// .../payrolls), alternated in one run on one server, and the server's peak working set during each, sampled from
/// /proc/PID/status. Employees beyond the first 1,000 (created through the API) are cloned in SQL, W-4 and compensation
/// included, so a 100,000-employee company is set up in seconds rather than an hour.
/// </summary>
internal static class RunsBench
{
    private const int ThroughApi = 1_000;

    public static async Task<int> RunAsync(HttpClient http, NpgsqlDataSource database, int employees, int pairs, int? serverPid)
    {
        var setup = Stopwatch.StartNew();
        var company = await PostAsync(http, "/api/companies", new JsonObject { ["name"] = "Runs Bench Co", ["slug"] = "runs-" + Guid.NewGuid().ToString("N")[..8] });
        var companyId = company.GetProperty("id").GetString()!;
        var schedule = await PostAsync(http, $"/api/companies/{companyId}/pay-schedules", new JsonObject
        {
            ["name"] = "Monthly", ["frequency"] = "monthly", ["firstPeriodStart"] = "2026-01-01", ["payDateOffsetDays"] = 0,
        });
        var scheduleId = schedule.GetProperty("id").GetString()!;
        var viaApi = Math.Min(employees, ThroughApi);
        await Parallel.ForAsync(0, viaApi, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var ssn = string.Create(CultureInfo.InvariantCulture, $"{100 + (i / 9_000):000}-{1 + (i / 100 % 90):00}-{1 + i:0000}");
            var created = await PostAsync(http, $"/api/companies/{companyId}/employees", new JsonObject
            {
                ["firstName"] = "Emp", ["lastName"] = $"Number{i}", ["ssn"] = ssn, ["hireDate"] = "2025-01-01", ["payScheduleId"] = scheduleId,
                ["w4"] = new JsonObject { ["version"] = "2020", ["filingStatus"] = i % 2 == 0 ? "single" : "married_filing_jointly" },
            });
            await PostAsync(http, $"/api/companies/{companyId}/employees/{created.GetProperty("id").GetString()}/compensation", new JsonObject
            {
                ["effectiveFrom"] = "2025-01-01", ["payType"] = "salary", ["annualSalary"] = 36_000m + (i % 97 * 1_216.44m), ["retirementPercent"] = i % 4,
            });
        });
        if (employees > viaApi)
        {
            await CloneAsync(database, Guid.Parse(companyId), employees - viaApi);
        }

        Console.WriteLine($"setup: {employees:N0} employees on a monthly schedule ({viaApi:N0} through the API) in {setup.Elapsed.TotalSeconds:0.0} s");

        // The explicit post's lines are what a run computes for the same people: the salary / 12 and the retirement share.
        var lines = await ExplicitLinesAsync(database, Guid.Parse(companyId));
        var explicitMs = new List<double>();
        var runMs = new List<double>();
        var explicitPeak = new List<long>();
        var runPeak = new List<long>();
        var canPost = lines.Count <= 10_000; // a posted payroll holds at most 10,000 lines
        string body = canPost ? Explicit(lines).ToJsonString() : string.Empty;
        for (var pair = 0; pair <= pairs; pair++)
        {
            if (canPost)
            {
                var (ms, peak) = await MeasureAsync(serverPid, () => PostTimedAsync(http, $"/api/companies/{companyId}/payrolls", body));
                if (pair > 0)
                {
                    explicitMs.Add(ms);
                    explicitPeak.Add(peak);
                }
            }

            var (runTime, runPeakBytes) = await MeasureAsync(serverPid, () => PostTimedAsync(http, $"/api/companies/{companyId}/pay-schedules/{scheduleId}/runs", "{}"));
            if (pair > 0 || !canPost)
            {
                runMs.Add(runTime);
                runPeak.Add(runPeakBytes);
                Console.WriteLine(canPost
                    ? $"pair {pair}: explicit POST {explicitMs[^1]:0} ms, run {runTime:0} ms"
                    : $"run {pair}: {runTime:0} ms, peak +{runPeakBytes / 1048576.0:0} MiB");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| {employees:N0} employees, PostgreSQL | median | min | peak working set over idle (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        if (canPost)
        {
            Console.WriteLine($"| explicit POST .../payrolls of the same lines | {Median(explicitMs):0} ms | {explicitMs.Min():0} ms | +{Median(explicitPeak) / 1048576.0:0} MiB |");
        }

        Console.WriteLine($"| start the period, POST .../runs | {Median(runMs):0} ms | {runMs.Min():0} ms | +{Median(runPeak) / 1048576.0:0} MiB |");
        if (canPost)
        {
            var ratio = Median(runMs) / Median(explicitMs);
            Console.WriteLine($"| ratio run / explicit (target at most 1.5x) | {ratio:0.00}x | | {(ratio <= 1.5 ? "MET" : "MISSED")} |");
        }

        Console.WriteLine($"| employees per hour (run median) | {employees / (Median(runMs) / 1000.0) * 3600:N0} | | |");
        return 0;
    }

    /// <summary>Runs <paramref name="action"/> while sampling the server's resident set every 10 ms; returns its time and the peak over the set before it.</summary>
    private static async Task<(double Ms, long PeakBytes)> MeasureAsync(int? pid, Func<Task<double>> action)
    {
        if (pid is null)
        {
            return (await action(), 0);
        }

        GC.Collect();
        await Task.Delay(200);
        var idle = Rss(pid.Value);
        var peak = idle;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(pid.Value));
                await Task.Delay(10);
            }
        });
        var ms = await action();
        await stop.CancelAsync();
        await sampler;
        return (ms, Math.Max(0, peak - idle));
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static async Task CloneAsync(NpgsqlDataSource database, Guid companyId, int count)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("company", companyId);
            command.Parameters.AddWithValue("count", count);
            await command.ExecuteNonQueryAsync();
        }

        await ExecuteAsync(
            """
            CREATE TEMP TABLE clones ON COMMIT DROP AS
            SELECT gen_random_uuid() AS id, g AS n,
                   (SELECT id FROM employees WHERE company_id = @company ORDER BY created_at, id OFFSET (g % 1000) LIMIT 1) AS template
            FROM generate_series(1, @count) g
            """);
        await ExecuteAsync(
            """
            INSERT INTO employees (id, company_id, first_name, last_name, ssn_ciphertext, ssn_blind_index, ssn_last4, hire_date, termination_date,
                                   pay_frequency, created_at, updated_at, exempt, employee_number, pay_schedule_id)
            SELECT c.id, e.company_id, e.first_name, 'Clone' || c.n, e.ssn_ciphertext, 'clone-' || c.id, e.ssn_last4, e.hire_date, e.termination_date,
                   e.pay_frequency, e.created_at, e.updated_at, e.exempt, NULL, e.pay_schedule_id
            FROM clones c JOIN employees e ON e.id = c.template
            """);
        await ExecuteAsync(
            """
            INSERT INTO employee_w4s (employee_id, effective_date, version, filing_status, marital_status, allowances, exempt, extra_withholding,
                                      step2_checkbox, step3_dependents, step4a_other_income, step4b_deductions, step4c_extra_withholding)
            SELECT c.id, w.effective_date, w.version, w.filing_status, w.marital_status, w.allowances, w.exempt, w.extra_withholding,
                   w.step2_checkbox, w.step3_dependents, w.step4a_other_income, w.step4b_deductions, w.step4c_extra_withholding
            FROM clones c JOIN employee_w4s w ON w.employee_id = c.template
            """);
        await ExecuteAsync(
            """
            INSERT INTO employee_compensation (employee_id, effective_from, pay_type, terms, recorded_at)
            SELECT c.id, p.effective_from, p.pay_type, p.terms, p.recorded_at FROM clones c JOIN employee_compensation p ON p.employee_id = c.template
            """);
        await transaction.CommitAsync();
    }

    private static async Task<List<(Guid Id, decimal Gross, decimal Retirement)>> ExplicitLinesAsync(NpgsqlDataSource database, Guid companyId)
    {
        await using var command = database.CreateCommand(
            """
            SELECT e.id, c.terms FROM employees e JOIN employee_compensation c ON c.employee_id = e.id
            WHERE e.company_id = $1 ORDER BY e.last_name, e.first_name, e.id
            """);
        command.Parameters.AddWithValue(companyId);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<(Guid, decimal, decimal)>();
        while (await reader.ReadAsync())
        {
            var terms = JsonDocument.Parse(reader.GetString(1)).RootElement;
            var gross = Math.Round(terms.GetProperty("annualSalary").GetInt64() / 12m, 0, MidpointRounding.AwayFromZero) / 100m;
            var points = terms.GetProperty("retirementBasisPoints").ValueKind == JsonValueKind.Number ? terms.GetProperty("retirementBasisPoints").GetInt32() : 0;
            lines.Add((reader.GetGuid(0), gross, Math.Round(gross * points / 10_000m, 2, MidpointRounding.AwayFromZero)));
        }

        return lines;
    }

    private static JsonObject Explicit(List<(Guid Id, decimal Gross, decimal Retirement)> lines) => new()
    {
        ["periodStart"] = "2025-12-01",
        ["periodEnd"] = "2025-12-31",
        ["payDate"] = "2025-12-31",
        ["payFrequency"] = "monthly",
        ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject
        {
            ["employeeId"] = l.Id.ToString(), ["grossWages"] = l.Gross, ["preTaxDeductions"] = new JsonObject { ["retirement"] = l.Retirement },
        })]),
    };

    private static async Task<double> PostTimedAsync(HttpClient http, string path, string body)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        watch.Stop();
        return response.IsSuccessStatusCode
            ? watch.Elapsed.TotalMilliseconds
            : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text[..Math.Min(500, text.Length)]}");
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);
}
