using System.Reflection;
using PayrollPortal.Application.Operations;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Hosting;

/// <summary>Build identity from APP_VERSION, GIT_SHA and BUILD_TS when set (the container sets them), else from the assembly.</summary>
internal sealed class AppInfo(IConfiguration configuration, IHostEnvironment environment, DatabaseSettings database) : IAppInfo
{
    private static readonly string AssemblyVersion =
        typeof(AppInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public string Version => NonEmpty(configuration["APP_VERSION"]) ?? AssemblyVersion.Split('+')[0];

    public string? Commit => NonEmpty(configuration["GIT_SHA"]) ?? (AssemblyVersion.Split('+') is [_, var sha, ..] ? sha : null);

    public string? BuildTime => NonEmpty(configuration["BUILD_TS"]);

    public string Environment => environment.EnvironmentName;

    public string Database => database.ProviderName;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
