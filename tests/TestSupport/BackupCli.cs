using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using Shouldly;

namespace PayrollPortal.TestSupport;

/// <summary>The backup verbs through the real executable, and the data they are checked against.</summary>
public static class BackupCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Dictionary<string, string?> Environment(string databaseUrl) =>
        new() { ["DATABASE_URL"] = databaseUrl, [PiiKeyRing.Variable] = TestKeys.PiiKeys };

    public static Task<PayrollProcess.Outcome> RunAsync(string databaseUrl, params string[] arguments) =>
        PayrollProcess.RunAsync(arguments, Environment(databaseUrl), Timeout);

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "payroll-tests", "backups-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The backup file a successful <c>payroll backup</c> printed.</summary>
    public static string BackupFile(PayrollProcess.Outcome outcome)
    {
        var line = outcome.StandardOutput.Split('\n').Single(l => l.StartsWith("backup: ", StringComparison.Ordinal));
        return line["backup: ".Length..line.LastIndexOf(" (", StringComparison.Ordinal)];
    }

    public static async Task<long> CountAsync(DatabaseSettings settings, string sql)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
            return await sqlite.ExecuteScalarAsync<long>(sql);
        }

        await using var postgres = new NpgsqlConnection(settings.ConnectionString);
        return await postgres.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>A company with two employees, through the API.</summary>
    public static async Task<(string CompanyId, string[] EmployeeIds)> CompanyWithEmployeesAsync(HttpClient client, string slug = "acme")
    {
        var company = await (await client.PostAsJsonAsync("/api/companies", new { name = "Acme " + slug, slug })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var companyId = company.GetProperty("id").GetString()!;
        var employees = new List<string>();
        foreach (var (first, ssn) in new[] { ("Ada", "123-45-6789"), ("Grace", "234-56-7890") })
        {
            var employee = await (await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", new
            {
                firstName = first,
                lastName = "Tester",
                ssn,
                hireDate = "2024-01-01",
                payFrequency = "monthly",
                w4 = new { version = "2020", filingStatus = "single" },
            })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            employees.Add(employee.GetProperty("id").GetString()!);
        }

        return (companyId, [.. employees]);
    }

    /// <summary>Posts one draft monthly payroll for <paramref name="month"/> of 2026 and returns its id.</summary>
    public static async Task<string> PostPayrollAsync(HttpClient client, string companyId, string[] employees, int month, decimal gross = 5000.00m)
    {
        var start = new DateOnly(2026, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/payrolls", new
        {
            periodStart = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            periodEnd = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            payDate = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            payFrequency = "monthly",
            lines = employees.Select(id => new { employeeId = id, grossWages = gross }).ToArray(),
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
