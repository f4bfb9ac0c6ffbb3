namespace PayrollPortal.Application.Exports;

/// <summary>
/// One payroll line as the register shows it. <see cref="Amounts"/> holds integer cents in the order of
/// the regime's <see cref="RegisterColumns.MoneyColumns"/>; <see cref="Texts"/> the regime's own text cells, in the order of
/// its <see cref="RegisterColumns.TextColumns"/>.
/// </summary>
public sealed record PayrollRegisterRow(
    Guid PayrollId,
    string PayrollStatus,
    DateOnly PayDate,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string EmployeeName,
    string SsnLast4,
    long[] Amounts,
    string[]? Texts = null);
