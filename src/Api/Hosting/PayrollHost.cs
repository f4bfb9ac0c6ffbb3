using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging.Console;
using PayrollPortal.Api.Endpoints;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Common;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Api.Observability;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Operations;
using PayrollPortal.Infrastructure;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.Infrastructure.Security;
using Scalar.AspNetCore;
using PayrollPortal.Api.Http.OpenApi;

namespace PayrollPortal.Api.Hosting;

/// <summary>The web server: service registration, the middleware order and the endpoint map, in one readable place.</summary>
internal static partial class PayrollHost
{
    public const int DefaultPort = 8000;
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The import files' limit (<c>MAX_IMPORT_BYTES</c>): 20 MB holds some 100,000 employees as CSV.</summary>
    public const long DefaultMaxImportBytes = 20L * 1024 * 1024;

    /// <summary>Exit codes of the <c>payroll</c> executable when serving.</summary>
    public const int ExitConfigurationError = 2;
    public const int ExitSchemaNotReady = 3;
    public const int ExitInterrupted = 130;

    public static bool EnforceMigrations(IConfiguration configuration) => configuration["PAYROLL_ENFORCE_MIGRATIONS"] is "1" or "true";

    public static async Task<int> RunAsync(string[] args)
    {
        // The content root is the executable's folder, not the working directory: appsettings.json (log levels) and, later,
        // wwwroot ship beside payroll.dll, while ./data stays relative to where the operator started it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        DatabaseSettings database;
        try
        {
            database = DatabaseSettings.Parse(builder.Configuration["DATABASE_URL"]);
            _ = MigrationOptions.FromConfiguration(builder.Configuration);
            _ = IdempotencyOptions.FromConfiguration(builder.Configuration);
            _ = MetricsSettings.FromConfiguration(builder.Configuration);
            _ = CorsSettings.Origins(builder.Configuration);
            _ = ForwardedHeadersSettings.Parse(builder.Configuration);
            AdminSettings.Validate(builder.Configuration);
            _ = GracefulShutdown.DrainTime(builder.Configuration, builder.Environment);
        }
        catch (Exception ex) when (ex is DatabaseUrlException or MigrationException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"payroll: {ex.Message}");
            return ExitConfigurationError;
        }

        if (database.SqlitePath is { } sqlitePath && WhySqliteCannotServe(sqlitePath, builder) is { } refusal)
        {
            await Console.Error.WriteLineAsync($"payroll: {refusal}");
            return ExitSchemaNotReady;
        }

        ConfigureServices(builder);
        var app = builder.Build();
        app.Services.ValidateWithholdingTables();
        try
        {
            // Resolved now so that missing or malformed PII keys stop start-up instead of failing the first employee request.
            _ = app.Services.GetRequiredService<PiiKeyRing>();
            _ = app.Services.GetRequiredService<ExportSigningKeys>();
        }
        catch (Exception ex) when (ex is PiiKeyException or ExportSigningKeyException)
        {
            await Console.Error.WriteLineAsync($"payroll: {ex.Message}");
            return ExitConfigurationError;
        }

        Configure(app);

        if (EnforceMigrations(app.Configuration) && !await SchemaIsReadyAsync(app))
        {
            // Disposing flushes the console logger's queue; returning without it can lose the one line that says why.
            await app.DisposeAsync();
            return ExitSchemaNotReady;
        }

        if (!EnforceMigrations(app.Configuration) && await MigrateBeforeStartAsync(app) is { } refused)
        {
            await app.DisposeAsync();
            return refused;
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// The development default's migrations, applied before the host starts: inside the host's start a failure, or SIGTERM
    /// while another migrator holds the lock, would surface as "Hosting failed to start" with a stack trace. Here each is one
    /// line and an exit code. Null when the schema is at head.
    /// </summary>
    private static async Task<int?> MigrateBeforeStartAsync(WebApplication app)
    {
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });
        try
        {
            await app.Services.GetRequiredService<SchemaMigrator>().UpAsync(toVersion: null, stop.Token);
            app.Services.GetRequiredService<StartupMigrationService.Applied>().BeforeStart = true;
            return null;
        }
        catch (MigrationException ex)
        {
            LogStartupMigrationFailed(app.Logger, ex.Problems.Count > 0 ? $"{ex.Message}: {string.Join("; ", ex.Problems)}" : ex.Message);
            return ExitSchemaNotReady;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            LogStartupMigrationFailed(app.Logger, string.Join(' ', ex.Message.Split('\n', StringSplitOptions.TrimEntries)));
            return ExitSchemaNotReady;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            LogStartupInterrupted(app.Logger);
            return ExitInterrupted;
        }
    }

    /// <summary>
    /// Why a SQLite server must not start, found before anything waits: the recorded database is missing (Production only, so
    /// that the first <c>dotnet run</c> of a developer still creates one), or its folder cannot be written.
    /// </summary>
    private static string? WhySqliteCannotServe(string databasePath, WebApplicationBuilder builder) =>
        (builder.Environment.IsProduction() ? SqliteDatabaseRecord.WhyNotCreate(PiiKeyRingLoader.DataDirectory(builder.Configuration), databasePath) : null)
        ?? SqliteStorage.WhyNotWritable(databasePath);

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        ConfigureLogging(builder);
        ConfigureListening(builder);

        var services = builder.Services;
        services.AddPayrollCore();

        services.AddHttpContextAccessor();
        services.RedactExportLinksInLogs();
        services.AddPayrollIdentity(builder.Configuration);
        services.AddDataProtectionStorage();
        services.AddScoped<IRequestContext, HttpRequestContext>();
        services.AddSingleton(sp => IdempotencyOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<CommandSender>();
        services.AddSingleton<InstanceIdentity>();
        services.AddHostedService<InstanceHeartbeatService>();
        services.AddHostedService<PeriodicJobs>();
        services.AddSingleton<IAppInfo, AppInfo>();
        services.AddSingleton<JsonSerializerOptionsHolder>();
        services.AddSingleton<StartupMigrationService.Applied>();
        services.AddHostedService<StartupMigrationService>();
        services.AddPayrollMetrics(builder.Configuration);
        services.AddCorsAllowList(builder.Configuration);
        services.AddHostedService<AdminBootstrapService>();
        services.AddGracefulShutdown();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new OptionalJsonConverterFactory());
            options.SerializerOptions.Converters.Add(new UtcInstantJsonConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddSchemaTransformer<OptionalSchemaTransformer>();
            options.AddSchemaTransformer<RequestExamples>();
            options.AddSchemaTransformer<PayrollLineSchema>();
            options.AddOperationTransformer<IdempotencyOpenApiTransformer>();
        });
    }

    public static void Configure(WebApplication app)
    {
        var maxBody = app.Configuration.GetValue("MAX_REQUEST_BODY_BYTES", DefaultMaxBodyBytes);
        app.UseTrustedForwardedHeaders(app.Configuration);
        app.UsePayrollHttpMetrics();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCorsAllowList();
        app.UseMiddleware<BodySizeLimitMiddleware>(maxBody, app.Configuration.GetValue("MAX_IMPORT_BYTES", DefaultMaxImportBytes));
        app.UsePortal(); // before identity: the login page and its modules load without a session
        app.UsePayrollIdentity();
        app.UseMiddleware<BufferIdempotentBodiesMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // For this product's users: its own title, and none of the vendor's buttons (AI chat, deploy, SDK generation).
        app.MapScalarApiReference("/api/docs", options => options
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithTitle(DocumentInfoTransformer.Title)
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton()).AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapTokenEndpoints();
        app.MapUserEndpoints();
        app.MapOperationsEndpoints();
        app.MapCompanyEndpoints();
        app.MapEmployeeEndpoints();
        app.MapPayrollEndpoints();
        app.MapPeriodEndpoints();
        app.MapHolidayEndpoints();
        app.MapPayScheduleEndpoints();
        app.MapCompensationEndpoints();
        app.MapImportEndpoints();
        app.MapOpeningBalanceEndpoints();
        app.MapWithholdingEndpoints();
        app.MapExportEndpoints();
        app.MapRegimeEndpoints();
        app.MapPayslipEndpoints();
        app.MapAuditEndpoints();
        app.MapPayrollMetrics();
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var format = builder.Configuration["LOG_FORMAT"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        builder.Logging.ClearProviders();
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.ColorBehavior = LoggerColorBehavior.Disabled;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }

        // The same formatters, written in batches instead of one writer wake-up per line (BatchingConsoleLoggerProvider).
        var console = builder.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        builder.Services.Remove(console);
        builder.Services.AddSingleton<ILoggerProvider, BatchingConsoleLoggerProvider>();
    }

    /// <summary>http://localhost:8000 unless PORT says otherwise; ASPNETCORE_URLS (or --urls) overrides both.</summary>
    private static void ConfigureListening(WebApplicationBuilder builder)
    {
        // The larger of the two limits; BodySizeLimitMiddleware lowers it per request to the endpoint's own.
        var maxBody = Math.Max(
            builder.Configuration.GetValue("MAX_REQUEST_BODY_BYTES", DefaultMaxBodyBytes), builder.Configuration.GetValue("MAX_IMPORT_BYTES", DefaultMaxImportBytes));
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = maxBody);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return;
        }

        var port = builder.Configuration.GetValue("PORT", DefaultPort);
        builder.WebHost.UseUrls($"http://localhost:{port}");
    }

    private static async Task<bool> SchemaIsReadyAsync(WebApplication app)
    {
        SchemaStatus status;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            status = await app.Services.GetRequiredService<SchemaMigrator>().ReadAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or MigrationException or TimeoutException)
        {
            // An unreachable database cannot be verified: refuse just as for a schema that is behind, in one line.
            LogSchemaNotReady(app.Logger, $"the migration journal cannot be read ({string.Join(' ', ex.Message.Split('\n', StringSplitOptions.TrimEntries))})");
            return false;
        }

        if (status.IsAtHead)
        {
            LogSchemaVerified(app.Logger, status.CurrentVersion, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (string.CompareOrdinal(status.CurrentVersion, status.HeadVersion) > 0)
            {
                LogSchemaAhead(app.Logger, status.CurrentVersion, status.HeadVersion);
            }

            return true;
        }

        LogSchemaNotReady(app.Logger, string.Join("; ", status.Problems));
        return false;
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical,
        Message = "PAYROLL_ENFORCE_MIGRATIONS=1 and the schema is not at head, refusing to serve: {Problems}. Run `payroll migrate up` first.")]
    private static partial void LogSchemaNotReady(ILogger logger, string problems);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Schema verified at head {Version} in {ElapsedMs} ms")]
    private static partial void LogSchemaVerified(ILogger logger, string? version, long elapsedMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "The database is at {Current}, ahead of this build's head {Head}; serving, as expand/contract keeps the previous release compatible")]
    private static partial void LogSchemaAhead(ILogger logger, string? current, string? head);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Stopped before serving: the start-up was interrupted")]
    private static partial void LogStartupInterrupted(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "Start-up migration failed, refusing to serve: {Problem}")]
    private static partial void LogStartupMigrationFailed(ILogger logger, string problem);
}
