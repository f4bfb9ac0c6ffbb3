using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>
/// Drafts a module keeps beside the payrolls (a regime's own sheets) that live inside the month close: a month with any of them
/// does not close, as with a draft payroll. Read after the close has taken the month's exclusive lock, so a draft written
/// meanwhile is either counted or refused with <c>period.closed</c>.
/// </summary>
public interface IPeriodDrafts
{
    /// <summary>The module's drafts paid in the month, each as the refusal names it: what it is, its id and pay date.</summary>
    Task<IReadOnlyList<string>> DraftsAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken);
}
