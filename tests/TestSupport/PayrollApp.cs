using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.TestSupport;

/// <summary>
/// The real application, in memory, on its own fresh database. Create one per test:
/// <c>await using var app = await PayrollApp.StartAsync(provider);</c>
/// </summary>
public sealed partial class PayrollApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private PayrollApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, bool ownsDatabase = true)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = database.Url,
            ["LOG_FORMAT"] = "text",
            ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
            ["DATA_DIR"] = Path.Combine(Path.GetTempPath(), "payroll-tests", "data-" + Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    public CapturedLogs Logs { get; } = new();

    public static async Task<PayrollApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new PayrollApp(database, settings);
        _ = app.Server; // starts the host, which applies the migrations
        return app;
    }

    /// <summary>
    /// Another instance on an existing database, such as a restart with other settings (a new PII key ring); the database
    /// stays when this instance is disposed.
    /// </summary>
    public static PayrollApp StartOn(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new PayrollApp(database, settings, ownsDatabase: false);
        _ = app.Server;
        return app;
    }

    /// <summary>Sends a message through the real pipeline in a fresh scope, as an HTTP request would.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IMessage message, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var response = await sender.Send(message, cancellationToken);
        return (TResponse)response!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
