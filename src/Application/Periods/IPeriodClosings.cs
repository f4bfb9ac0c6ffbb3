using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>
/// Which of a company's months are closed. The checks run inside the command's transaction and hold the month against a
/// concurrent close (PostgreSQL: a shared advisory lock on the company's month; SQLite has one writer at a time), so a
/// payroll write and a close of its month never both succeed.
/// </summary>
public interface IPeriodClosings
{
    /// <summary>Whether <paramref name="month"/> is closed, holding it open for the rest of the transaction when it is not.</summary>
    Task<bool> IsClosedAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken);

    /// <summary>The month's closing, if closed; takes the month's exclusive lock first, so drafts are counted after any write in flight.</summary>
    Task<PeriodClosingRow?> LockAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken);

    /// <summary>The draft payrolls paid in the month.</summary>
    Task<IReadOnlyList<(Guid Id, DateOnly PayDate)>> DraftsAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken);

    Task CloseAsync(Guid companyId, PayMonth month, DateTimeOffset closedAt, string closedBy, CancellationToken cancellationToken);

    Task ReopenAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken);

    /// <summary>The month as the company's period page shows it: closed or not, and its payrolls by status.</summary>
    Task<PeriodDto> DescribeAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken);
}

/// <summary>A closed month: when and by whom.</summary>
public sealed record PeriodClosingRow(DateTimeOffset ClosedAt, string ClosedBy);

public static class PeriodClosingsExtensions
{
    /// <summary><see cref="PeriodErrors.Closed"/> when the month of <paramref name="payDate"/> is closed; null (and the month held open) otherwise.</summary>
    public static async Task<Error?> RefusalForAsync(this IPeriodClosings closings, Guid companyId, DateOnly payDate, CancellationToken cancellationToken)
    {
        var month = PayMonth.Of(payDate);
        return await closings.IsClosedAsync(companyId, month, cancellationToken) ? PeriodErrors.Closed(month) : null;
    }
}
