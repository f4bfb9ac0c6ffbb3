using System.Data.Common;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting.Internal;
using PayrollPortal.Api.Hosting;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary>The services a verb runs on, read from the same environment as the server, without HTTP.</summary>
internal static class CliServices
{
    /// <summary>
    /// The server's own registrations (use cases, adapters, the Mediator pipeline and the PII key ring), for verbs that run
    /// use cases.
    /// </summary>
    public static ServiceProvider Build(CliContext context)
    {
        var services = new ServiceCollection();
        services.AddSingleton(context.Configuration);
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            // As the server decides it: the PII key loader refuses to run without keys in Production.
            EnvironmentName = EnvironmentName(context),
            ApplicationName = "payroll",
            ContentRootPath = Directory.GetCurrentDirectory(),
            ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddPayrollCore();
        services.AddScoped<IRequestContext, CliRequestContext>();
        services.AddSingleton<ICurrentUser>(new OperatorCaller());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The environment as the server would see it; Production when neither variable is set.</summary>
    public static string EnvironmentName(CliContext context) =>
        context.Configuration["ASPNETCORE_ENVIRONMENT"] ?? context.Configuration["DOTNET_ENVIRONMENT"] ?? Environments.Production;

    public static bool IsProduction(CliContext context) => string.Equals(EnvironmentName(context), Environments.Production, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs a verb's work in a scope of the server's <c>AddInfrastructure()</c> registrations only, on the database
    /// <c>DATABASE_URL</c> names, and turns configuration and database failures into the documented exit codes.
    /// </summary>
    public static async Task<int> RunInScopeAsync(
        CliContext context, string verb, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(context.Configuration);
            services.AddLogging();
            services.AddInfrastructure();
            await using var provider = services.BuildServiceProvider();
            await context.Out.WriteLineAsync($"database: {provider.GetRequiredService<DatabaseSettings>().SafeDisplay}");
            await using var scope = provider.CreateAsyncScope();
            return await run(scope.ServiceProvider, cancellationToken);
        }
        catch (DatabaseUrlException ex)
        {
            await context.Error.WriteLineAsync($"payroll: {ex.Message}");
            return CliExitCodes.Configuration;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            await context.Error.WriteLineAsync($"payroll: {verb}: {MigrationReport.OneLine(ex.Message)}");
            return CliExitCodes.Usage;
        }
    }

    /// <summary>One correlation id per verb run, in the log lines the pipeline writes and in the audit trail.</summary>
    private sealed class CliRequestContext : IRequestContext
    {
        public string RequestId { get; } = "cli-" + Guid.CreateVersion7().ToString("N");

        public string Actor => OperatorCaller.Operator.Actor;
    }

    /// <summary>Verbs run on the server itself by its operator, who is trusted like the global administrator.</summary>
    private sealed class OperatorCaller : ICurrentUser
    {
        public static readonly Caller Operator = Caller.System("cli:" + Environment.UserName);

        public Caller Caller => Operator;
    }
}
