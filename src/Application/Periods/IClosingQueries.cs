using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

public interface IClosingQueries
{
    /// <summary>
    /// Companies × months from <paramref name="from"/> to <paramref name="to"/> that have payrolls or a closing, in cursor
    /// order, after <paramref name="after"/>, at most <paramref name="take"/>; one query whatever the range.
    /// </summary>
    Task<IReadOnlyList<ClosingRow>> ListAsync(PayMonth from, PayMonth to, Guid? companyId, string? status, ClosingsCursor? after, int take, CancellationToken cancellationToken);
}

/// <summary>A row of the closings list, with the company's creation instant for the cursor.</summary>
public sealed record ClosingRow(Guid CompanyId, string CompanyName, DateTimeOffset CompanyCreatedAt, PayMonth Month, int Payrolls, bool Closed, DateTimeOffset? UpdatedAt)
{
    public ClosingDto ToDto() => new(CompanyId, CompanyName, Month.ToString(), PeriodDto.StatusOf(Closed, Payrolls), Payrolls, UpdatedAt);
}
