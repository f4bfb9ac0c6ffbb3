using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Security.Cryptography;
using OpenQA.Selenium.Chrome;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// One application on a real loopback port and one headless Chromium, shared by the tests of a class (starting Chromium is
/// the expensive part). Each test makes its own company, so the tests do not depend on one another or on their order.
///
/// SQLite only, on purpose: these tests check what the portal does in a browser (pages, errors, roles, one write per
/// click); the SQL underneath is the same code that the Api, Application and Infrastructure suites run on both SQLite and
/// PostgreSQL. Running every browser flow twice would double the slowest tests for no new coverage.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    /// <summary>The bootstrap administrator that <see cref="PayrollApp"/> creates; the password is generated per run.</summary>
    public const string AdminEmail = PayrollApp.AdminEmail;

    public string AdminPassword => TestKeys.AdminPassword;

    public PayrollApp App { get; private set; } = null!;

    public ChromeDriver Driver { get; private set; } = null!;

    public string DownloadDirectory { get; } = Path.Combine(Path.GetTempPath(), "payroll-browser-downloads", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress => App.ServerAddress;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DownloadDirectory);
        App = await PayrollApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            // Signed download links, as in production; the secret is generated per run.
            ["EXPORT_HMAC_SECRET"] = "t1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Every test signs in (and the password tests post to the same limited endpoint) from one loopback address;
            // the per-address limit of 10 a minute is tested in Api.Tests (BruteForceTests), not here.
            ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "1000",
        }, ConfigureServices);
        Driver = Chromium.Start(DownloadDirectory);
    }

    /// <summary>Registrations a derived fixture adds to the app, such as a regime that lives only in the tests.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(DownloadDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A download Chromium still holds open; the temporary folder is cleaned by the OS.
        }
    }

    /// <summary>A company with one employee, made through the API as an administrator (the portal is not under test here).</summary>
    public async Task<TestCompany> CreateCompanyAsync(string label)
    {
        using var client = App.CreateClient();
        var slug = $"{label}-{Guid.NewGuid():N}"[..30];
        var company = await ReadAsync<Created>(await client.PostAsJsonAsync("/api/companies", new { name = $"{label} company", slug }));
        var employee = await ReadAsync<Created>(await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", new
        {
            firstName = "Grace",
            lastName = "Hopper",
            ssn = "123-45-6789",
            hireDate = "2024-01-08",
            payFrequency = "monthly",
            w4 = new { version = "2020", filingStatus = "single" },
        }));
        return new TestCompany(company.Id, $"{label} company", employee.Id);
    }

    /// <summary>A <c>kr</c> company (KRW) with one employee (one dependent, 식대 200,000 a month), made through the API.</summary>
    public async Task<TestCompany> CreateKoreaCompanyAsync(string label)
    {
        using var client = App.CreateClient();
        var slug = $"{label}-{Guid.NewGuid():N}"[..30];
        var company = await ReadAsync<Created>(await client.PostAsJsonAsync("/api/companies", new { name = $"{label} 상사", slug, regime = "kr" }));
        var employee = await ReadAsync<Created>(await client.PostAsJsonAsync($"/api/companies/{company.Id}/employees", new
        {
            firstName = "민준",
            lastName = "김",
            residentRegistrationNumber = "900101-1234567",
            hireDate = "2026-01-02",
            kr = new { dependents = 1, childrenAged8To20 = 0, withholdingRatio = 100, nonTaxable = new { meals = 200_000 } },
        }));
        return new TestCompany(company.Id, $"{label} 상사", employee.Id);
    }

    /// <summary>A draft payroll of one line for the company's employee, made through the API.</summary>
    public async Task<Guid> CreateDraftPayrollAsync(TestCompany company)
    {
        using var client = App.CreateClient();
        var payroll = await ReadAsync<Created>(await client.PostAsJsonAsync($"/api/companies/{company.Id}/payrolls", new
        {
            periodStart = "2026-01-01",
            periodEnd = "2026-01-31",
            payDate = "2026-01-30",
            payFrequency = "monthly",
            lines = new[] { new { employeeId = company.EmployeeId, grossWages = 4200.00m } },
        }));
        return payroll.Id;
    }

    /// <summary>A user with <paramref name="role"/> in the company who signs in with a password; returns (email, password).</summary>
    public async Task<(string Email, string Password)> CreateMemberAsync(string role, Guid companyId)
    {
        var email = $"{role}-{Guid.NewGuid():N}@portal.test";
        var password = SecretTokens.NewPassword();
        await App.CreateMemberAsync(role, companyId, email, password);
        return (email, password);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Test setup failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private sealed record Created(Guid Id);
}

public sealed record TestCompany(Guid Id, string Name, Guid EmployeeId);
