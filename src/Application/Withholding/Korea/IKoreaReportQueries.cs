namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>The kr figures of approved payrolls, read by the module's own storage.</summary>
public interface IKoreaReportQueries
{
    /// <summary>Per-month sums of a kr company's approved payroll lines: pay and the six deductions, whole KRW.</summary>
    Task<IReadOnlyList<KoreaWithholdingMonthDto>> WithholdingByMonthAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);
}
