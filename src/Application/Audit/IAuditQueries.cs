using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Application.Audit;

public interface IAuditQueries
{
    /// <summary>Events ordered by (occurred_at, id), after <paramref name="after"/>; up to <paramref name="take"/> rows.</summary>
    Task<IReadOnlyList<AuditEventDto>> ListAsync(AuditFilter filter, KeysetCursor? after, int take, CancellationToken cancellationToken);
}
