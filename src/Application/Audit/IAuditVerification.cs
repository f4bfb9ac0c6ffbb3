namespace PayrollPortal.Application.Audit;

/// <summary>Checks the audit trail's hash chains, reading the events one at a time rather than all at once.</summary>
public interface IAuditVerification
{
    /// <summary>Keeps the first <paramref name="maxProblems"/> problems' descriptions and counts the rest.</summary>
    Task<AuditVerificationReport> VerifyAsync(int maxProblems, CancellationToken cancellationToken);
}
