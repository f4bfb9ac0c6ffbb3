using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using PayrollPortal.Infrastructure.Identity;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// Where the session cookie's Data Protection keys are kept, so they survive restarts instead of the ephemeral in-memory
/// ring that would sign everyone out. On PostgreSQL in the database, encrypted with the PII keys, so every instance shares
/// them without a shared volume (ADR 0017); on SQLite (one host) under DATA_DIR. Chosen when the container is built, as the
/// database is, so a test host can override DATABASE_URL.
/// </summary>
internal static class DataProtectionStorage
{
    public static IServiceCollection AddDataProtectionStorage(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.PostgreSql
                ? sp.GetRequiredService<DatabaseXmlRepository>()
                : new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(sp.GetRequiredService<IConfiguration>()["DATA_DIR"] ?? "./data", "dataprotection-keys")),
                    sp.GetRequiredService<ILoggerFactory>())));
}
