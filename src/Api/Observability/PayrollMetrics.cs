using PayrollPortal.Application.Common.Metrics;
using PayrollPortal.Application.Operations;
using Prometheus;

namespace PayrollPortal.Api.Observability;

/// <summary>
/// Every metric the server publishes, in one registry per host (so two hosts in one test process never mix their counts).
/// The HTTP histogram and in-flight gauge are filled by prometheus-net's middleware (<see cref="MetricsEndpoints"/>); the
/// business counters by the pipeline; backup age and migration status are read when Prometheus scrapes.
/// </summary>
internal sealed class PayrollMetrics : IBusinessMetrics, ISecurityMetrics
{
    private readonly Counter _payrollsCreated;
    private readonly Counter _payrollsApproved;
    private readonly Counter _idempotentReplays;
    private readonly Counter _idempotencyConflicts;
    private readonly Counter _nationalIdDuplicates;
    private readonly Counter _nationalIdWritesLimited;
    private readonly Gauge _backupTimestamp;
    private readonly Gauge _backupAge;
    private readonly Gauge _schemaAtHead;
    private readonly Gauge _schemaProblems;
    private readonly Gauge _schemaInfo;
    private readonly IServiceProvider _services;
    private readonly MetricsSettings _settings;
    private readonly TimeProvider _clock;

    public PayrollMetrics(IServiceProvider services, MetricsSettings settings, TimeProvider clock)
    {
        _services = services;
        _settings = settings;
        _clock = clock;
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        DotNetStats.Register(Registry);

        _payrollsCreated = Factory.CreateCounter("payroll_payrolls_created_total", "Payrolls posted as drafts (committed).");
        _payrollsApproved = Factory.CreateCounter("payroll_payrolls_approved_total", "Payrolls approved (committed).");
        _idempotentReplays = Factory.CreateCounter("payroll_idempotent_replays_total", "Writes answered by replaying a stored response for a repeated Idempotency-Key.");
        _idempotencyConflicts = Factory.CreateCounter("payroll_idempotency_conflicts_total",
            "Writes refused over an Idempotency-Key: in_flight (409, the first request is still running) or key_reuse (422, another request used the key).",
            ["reason"]);
        _nationalIdDuplicates = Factory.CreateCounter("payroll_national_id_duplicates_total",
            "SSN or RRN writes refused because another employee of the company has the number (field: ssn or residentRegistrationNumber).", ["field"]);
        _nationalIdWritesLimited = Factory.CreateCounter("payroll_national_id_writes_limited_total",
            "SSN or RRN writes refused by the per-user or per-company hourly limit: someone may be guessing numbers (ADR 0012).", ["field"]);
        _backupTimestamp = Factory.CreateGauge("payroll_backup_last_success_timestamp_seconds",
            "Unix time of the newest successful backup manifest (createdAt); absent when no manifest is found.");
        _backupAge = Factory.CreateGauge("payroll_backup_last_success_age_seconds",
            "Seconds since the newest successful backup manifest; absent when no manifest is found (alert on absent() too).");
        _schemaAtHead = Factory.CreateGauge("payroll_schema_at_head", "1 when the database schema is at this build's head with no drift, else 0 (also 0 when unreadable).");
        _schemaProblems = Factory.CreateGauge("payroll_schema_problems", "Pending, drifted or unknown migrations; -1 when the journal cannot be read.");
        _schemaInfo = Factory.CreateGauge("payroll_schema_info", "The applied and the expected schema version, as labels (value 1).", ["current", "head"]);

        // The exact build, which /api/meta shows only to the global administrator.
        var app = services.GetRequiredService<IAppInfo>();
        Factory.CreateGauge("payroll_build_info", "The running build, as labels (value 1).", ["version", "commit"])
            .WithLabels(app.Version, app.Commit ?? "unknown").Set(1);

        Registry.AddBeforeCollectCallback(ReadOperationalStateAsync);
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }

    public void PayrollCreated() => _payrollsCreated.Inc();

    public void PayrollApproved() => _payrollsApproved.Inc();

    public void IdempotentReplay() => _idempotentReplays.Inc();

    public void NationalIdDuplicate(string field) => _nationalIdDuplicates.WithLabels(field).Inc();

    public void NationalIdWriteLimited(string field) => _nationalIdWritesLimited.WithLabels(field).Inc();

    public void IdempotencyInFlight() => _idempotencyConflicts.WithLabels("in_flight").Inc();

    public void IdempotencyKeyReuse() => _idempotencyConflicts.WithLabels("key_reuse").Inc();

    private async Task ReadOperationalStateAsync(CancellationToken cancellationToken)
    {
        ReadBackupAge();
        await ReadSchemaStatusAsync(cancellationToken);
    }

    private void ReadBackupAge()
    {
        if (BackupManifests.NewestSuccessfulBackup(_settings.BackupFolders) is { } newest)
        {
            _backupTimestamp.Set(newest.ToUnixTimeMilliseconds() / 1000.0);
            _backupAge.Set(Math.Max(0, (_clock.GetUtcNow() - newest).TotalSeconds));
        }
        else
        {
            _backupTimestamp.Unpublish();
            _backupAge.Unpublish();
        }
    }

    private async Task ReadSchemaStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await _services.GetRequiredService<ISchemaStatusReader>().ReadAsync(cancellationToken);
            _schemaAtHead.Set(status.IsAtHead ? 1 : 0);
            _schemaProblems.Set(status.Problems.Count);
            foreach (var stale in _schemaInfo.GetAllLabelValues())
            {
                _schemaInfo.RemoveLabelled(stale);
            }

            _schemaInfo.WithLabels(status.CurrentVersion ?? "none", status.HeadVersion ?? "none").Set(1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever keeps the journal from being read (the database down, a migration error) must show as a metric,
            // not fail the scrape and hide every other metric with it.
            _schemaAtHead.Set(0);
            _schemaProblems.Set(-1);
        }
    }
}
