namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>The us-federal figures of approved payrolls, read by the module's own storage.</summary>
public interface IUsFederalReportQueries
{
    /// <summary>Per-month sums of approved payroll lines paid in the given months of the year.</summary>
    Task<IReadOnlyList<WithholdingMonthDto>> WithholdingByMonthAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);

    /// <summary>Per-state sums (state wages and state income tax) of approved payroll lines paid in the given months, by jurisdiction.</summary>
    Task<IReadOnlyList<StateTotalsDto>> StatesAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);
}
