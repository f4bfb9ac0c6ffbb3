using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Common.Persistence;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Payslips;
using PayrollPortal.Application.Periods;
using PayrollPortal.Application.Calendars;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Infrastructure.Persistence.Schedules;
using PayrollPortal.Infrastructure.Persistence.Compensation;
using PayrollPortal.Application.Operations;
using PayrollPortal.Application.Identity;
using PayrollPortal.Infrastructure.Backups;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Identity;
using PayrollPortal.Infrastructure.Health;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Audit;
using PayrollPortal.Infrastructure.Persistence.Idempotency;
using PayrollPortal.Infrastructure.Persistence.Companies;
using PayrollPortal.Infrastructure.Persistence.Employees;
using PayrollPortal.Infrastructure.Persistence.Payrolls;
using PayrollPortal.Infrastructure.Persistence.Payslips;
using PayrollPortal.Infrastructure.Payslips;
using PayrollPortal.Infrastructure.Persistence.Periods;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.Infrastructure.Security;

namespace PayrollPortal.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the adapters. The database is chosen from <c>DATABASE_URL</c> when the container is built, not now, so a test
    /// host can override the setting.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        DapperTypeHandlers.Register();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DatabaseSettings.Parse(sp.GetRequiredService<IConfiguration>()["DATABASE_URL"]));
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddSingleton<IDbConnectionFactory>(sp =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            return settings.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionFactory(settings)
                : new PostgresConnectionFactory(settings, sp.GetRequiredService<NpgsqlDataSource>());
        });

        services.AddSingleton<StorageFaults>();
        services.AddSingleton<IStorageFaults>(sp => sp.GetRequiredService<StorageFaults>());
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<DbSession>());
        services.AddSingleton(sp => MigrationOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<ISchemaStatusReader>(sp => sp.GetRequiredService<SchemaMigrator>());

        services.AddSingleton(sp => PiiKeyRingLoader.Load(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("PayrollPortal.Pii")));
        services.AddSingleton<IPiiProtector, AesGcmPiiProtector>();
        services.AddSingleton(ProtectedIdentifierTable.Employees);
        services.AddSingleton<PiiRotation>();

        services.AddScoped<ICompanyRepository, CompanyRepository>();
        services.AddScoped<ICompanyQueries, CompanyQueries>();
        services.AddScoped<ICompanyHolidays, CompanyHolidays>();
        services.AddScoped<IPaySchedules, PaySchedules>();
        services.AddSingleton<IHoursFileReader, Imports.HoursCsvReader>();
        services.AddSingleton(new Imports.XlsxLimits());
        services.AddSingleton<Application.Imports.IImportFileReader, Imports.ImportFileReader>();
        services.AddSingleton<Application.Imports.IImportTemplateWriter, Imports.ImportTemplateWriter>();
        services.AddScoped<Application.Imports.IEmployeeKeys, EmployeeKeys>();
        services.AddScoped<Application.OpeningBalances.IOpeningBalanceStore, Persistence.OpeningBalances.OpeningBalanceStore>();
        services.AddScoped<ICompensationHistory, CompensationHistory>();
        services.AddScoped<IEmployeeRepository, EmployeeRepository>();
        services.AddScoped<IEmployeeQueries, EmployeeQueries>();
        services.AddScoped<IPayrollRepository, PayrollRepository>();
        services.AddScoped<IPayrollQueries, PayrollQueries>();
        services.AddScoped<IPeriodClosings, PeriodClosings>();
        services.AddScoped<IPayslipSource, PayslipSource>();
        services.AddSingleton<IPayslipRenderer, PdfPayslipRenderer>();
        services.AddScoped<IClosingQueries, ClosingQueries>();
        services.AddScoped<Persistence.Regimes.LineRowWriter>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IAuditQueries, AuditQueries>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<IAuditVerification>(provider => provider.GetRequiredService<AuditVerifier>());
        services.AddSingleton<IdempotencyKeysInFlight>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<IIdempotencyStore>(sp => sp.GetRequiredService<IdempotencyStore>());

        services.AddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddSingleton<ISignInAttempts, SignInWindow>();
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddScoped<IApiTokenRepository, ApiTokenRepository>();
        services.AddScoped<IIdentityQueries, IdentityQueries>();
        services.AddScoped<ISecurityAudit, SecurityAudit>();
        services.AddScoped<CallerLookup>();
        services.AddScoped<ICallerLookup>(sp => sp.GetRequiredService<CallerLookup>());

        services.AddSingleton(sp => ExportSigningKeys.Parse(sp.GetRequiredService<IConfiguration>()[ExportSigningKeys.Variable]));
        services.AddSingleton<IExportLinks, HmacExportLinks>();
        services.AddScoped<IPayrollRegisterSource, PayrollRegisterSource>();
        services.AddSingleton<ExportFormats>();
        services.AddExportWriter<CsvRegisterWriter>();
        services.AddExportWriter<XlsxRegisterWriter>();
        services.AddExportWriter<PayslipZipWriter>();

        services.AddSingleton(sp => new PostgresTools(sp.GetRequiredService<IConfiguration>()[PostgresTools.BinVariable]));
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<BackupRestore>();
        services.AddSingleton<BackupVerifier>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<DatabaseFileHealthCheck>("database-file", tags: ["ready"]);
        return services;
    }
}
