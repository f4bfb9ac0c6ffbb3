using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PayrollPortal.Api.Hosting;
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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
