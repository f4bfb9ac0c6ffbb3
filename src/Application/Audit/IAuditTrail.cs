namespace PayrollPortal.Application.Audit;

/// <summary>Appends events to the tamper-evident audit trail, in the current command's transaction.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
