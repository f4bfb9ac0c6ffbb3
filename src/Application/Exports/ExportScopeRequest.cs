namespace PayrollPortal.Application.Exports;

/// <summary>The scope as a client sends it: <c>{payrollId}</c>, <c>{year, month}</c> or <c>{year, quarter}</c>.</summary>
public sealed record ExportScopeRequest(Guid? PayrollId = null, int? Year = null, int? Month = null, int? Quarter = null)
{
    /// <summary>The scope, once the validator has accepted the shape.</summary>
    public ExportScope ToScope() => PayrollId is { } payrollId
        ? ExportScope.ForPayroll(payrollId)
        : Month is { } month ? ExportScope.ForMonth(Year!.Value, month) : ExportScope.ForQuarter(Year!.Value, Quarter!.Value);

    public bool HasOneShape =>
        PayrollId is not null
            ? PayrollId != Guid.Empty && Year is null && Month is null && Quarter is null
            : Year is not null && (Month is null) != (Quarter is null);
}
