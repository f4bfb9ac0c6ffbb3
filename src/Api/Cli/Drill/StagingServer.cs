using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Mediator;
using PayrollPortal.Api.Hosting;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Exports;

namespace PayrollPortal.Api.Cli.Drill;

/// <summary>
/// The real application, in this process, on a free loopback port against the staging database: the same services and
/// endpoints as <c>payroll</c> serving, with the operator's environment (PII keys included) and these overrides only.
/// </summary>
internal sealed class StagingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StagingServer(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    public static async Task<StagingServer> StartAsync(IConfiguration configuration, string databaseUrl, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"] ?? Environments.Production,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
            ["PAYROLL_ENFORCE_MIGRATIONS"] = "1",
            [GracefulShutdown.DrainVariable] = "0",

            // A drill-only signing key, so the export download works whatever the operator's environment holds.
            [ExportSigningKeys.Variable] = "drill:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),

            // Staging only: if the restored data has no administrator, the one bootstrapped gets a password nobody sees,
            // instead of a generated one printed on the drill's output.
            ["ADMIN_EMAIL"] = "drill-admin@drill.invalid",
            ["ADMIN_PASSWORD"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["LOG_FORMAT"] = "text",
        });
        PayrollHost.ConfigureServices(builder);
        var app = builder.Build();
        PayrollHost.Configure(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StagingServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Creates a drill-only user in staging, a payroll manager of <paramref name="companyId"/> with a random password, through
    /// the same use case as <c>payroll users create</c>, as the trusted operator. Staging is dropped after the drill.
    /// </summary>
    public async Task<(string Email, string Password)> CreateDrillUserAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var email = $"drill-{Guid.NewGuid().ToString("N")[..12]}@drill.invalid";
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Assign(Caller.System("drill"));
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new CreateUser(email, password, CompanyRoles.PayrollManager, companyId), cancellationToken);
        return result.IsSuccess
            ? (email, password)
            : throw new InvalidOperationException($"cannot create the drill user: {string.Join(" ", result.Errors.Select(e => e.Message))}");
    }

    /// <summary>A drill-only global administrator in staging (the blue/green switch creates its own company), as the operator.</summary>
    public async Task<(string Email, string Password)> CreateDrillAdminAsync(CancellationToken cancellationToken)
    {
        var email = $"drill-admin-{Guid.NewGuid().ToString("N")[..12]}@drill.invalid";
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Assign(Caller.System("drill"));
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUser(email, password, CompanyRoles.Admin, null), cancellationToken);
        return result.IsSuccess
            ? (email, password)
            : throw new InvalidOperationException($"cannot create the drill administrator: {string.Join(" ", result.Errors.Select(e => e.Message))}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
