using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting.Internal;
using PayrollPortal.Api.Hosting;
using PayrollPortal.Application.Common;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// The services of a verb that needs more than the migrator: the server's own registrations (use cases, adapters, the Mediator
/// pipeline and the PII key ring), read from the same environment, without HTTP.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(CliContext context)
    {
        var services = new ServiceCollection();
        services.AddSingleton(context.Configuration);
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            // As the server decides it: the PII key loader refuses to run without keys in Production.
            EnvironmentName = context.Configuration["ASPNETCORE_ENVIRONMENT"] ?? context.Configuration["DOTNET_ENVIRONMENT"] ?? Environments.Production,
            ApplicationName = "payroll",
            ContentRootPath = Directory.GetCurrentDirectory(),
            ContentRootFileProvider = new NullFileProvider(),
        });
        services.AddPayrollCore();
        services.AddScoped<IRequestContext, CliRequestContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>One correlation id per verb run, in the log lines the pipeline writes.</summary>
    private sealed class CliRequestContext : IRequestContext
    {
        public string RequestId { get; } = "cli-" + Guid.CreateVersion7().ToString("N");
    }
}
