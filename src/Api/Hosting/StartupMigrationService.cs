using PayrollPortal.Infrastructure.Persistence.Migrations;

namespace PayrollPortal.Api.Hosting;

/// <summary>
/// The development default: apply pending migrations before the server starts listening. With
/// <c>PAYROLL_ENFORCE_MIGRATIONS=1</c> the server never migrates; Program verifies instead and refuses to start.
/// </summary>
internal sealed class StartupMigrationService(SchemaMigrator migrator, IConfiguration configuration) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!PayrollHost.EnforceMigrations(configuration))
        {
            await migrator.UpAsync(toVersion: null, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
