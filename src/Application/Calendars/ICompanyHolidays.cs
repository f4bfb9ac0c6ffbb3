using PayrollPortal.Domain.Calendars;

namespace PayrollPortal.Application.Calendars;

/// <summary>A company's holiday list (<c>company_holidays</c>).</summary>
public interface ICompanyHolidays
{
    /// <summary>The company's holidays in date order.</summary>
    Task<IReadOnlyList<Holiday>> ListAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>Replaces the whole list inside the command's transaction.</summary>
    Task ReplaceAsync(Guid companyId, IReadOnlyList<Holiday> holidays, CancellationToken cancellationToken);
}
