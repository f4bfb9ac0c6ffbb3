using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Infrastructure.Persistence.UsFederal;

/// <summary>An <c>employee_w4s</c> row: one revision's fields, amounts in cents, the other revision's fields neutral.</summary>
internal sealed class EmployeeW4Row
{
    public const string Columns =
        "employee_id AS EmployeeId, effective_date AS EffectiveDate, version AS Version, filing_status AS FilingStatus, step2_checkbox AS Step2Checkbox, " +
        "step3_dependents AS Step3Dependents, step4a_other_income AS Step4aOtherIncome, step4b_deductions AS Step4bDeductions, " +
        "step4c_extra_withholding AS Step4cExtraWithholding, marital_status AS MaritalStatus, allowances AS Allowances, " +
        "extra_withholding AS ExtraWithholding, exempt AS Exempt";

    public const string Insert =
        """
        INSERT INTO employee_w4s (employee_id, effective_date, version, filing_status, step2_checkbox, step3_dependents, step4a_other_income,
                                  step4b_deductions, step4c_extra_withholding, marital_status, allowances, extra_withholding, exempt)
        VALUES (@EmployeeId, @EffectiveDate, @Version, @FilingStatus, @Step2Checkbox, @Step3Dependents, @Step4aOtherIncome,
                @Step4bDeductions, @Step4cExtraWithholding, @MaritalStatus, @Allowances, @ExtraWithholding, @Exempt)
        """;

    public Guid EmployeeId { get; init; }

    public DateOnly EffectiveDate { get; init; }

    public string Version { get; init; } = string.Empty;

    public string? FilingStatus { get; init; }

    public bool Step2Checkbox { get; init; }

    public Money Step3Dependents { get; init; }

    public Money Step4aOtherIncome { get; init; }

    public Money Step4bDeductions { get; init; }

    public Money Step4cExtraWithholding { get; init; }

    public string? MaritalStatus { get; init; }

    public int Allowances { get; init; }

    public Money ExtraWithholding { get; init; }

    public bool Exempt { get; init; }

    public static EmployeeW4Row From(Guid employeeId, EmployeeW4 entry) => entry.Form switch
    {
        FormW4From2020 f => new EmployeeW4Row
        {
            EmployeeId = employeeId,
            EffectiveDate = entry.EffectiveDate,
            Version = "2020",
            FilingStatus = W4Mapping.ToText(f.FilingStatus),
            Step2Checkbox = f.Step2Checkbox,
            Step3Dependents = Money.FromDecimal(f.Step3Dependents),
            Step4aOtherIncome = Money.FromDecimal(f.Step4aOtherIncome),
            Step4bDeductions = Money.FromDecimal(f.Step4bDeductions),
            Step4cExtraWithholding = Money.FromDecimal(f.Step4cExtraWithholding),
            Exempt = f.Exempt,
        },
        FormW4Before2020 f => new EmployeeW4Row
        {
            EmployeeId = employeeId,
            EffectiveDate = entry.EffectiveDate,
            Version = "2019",
            MaritalStatus = W4Mapping.ToText(f.MaritalStatus),
            Allowances = f.Allowances,
            ExtraWithholding = Money.FromDecimal(f.ExtraWithholding),
            Exempt = f.Exempt,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Form.GetType().Name, "Unknown W-4 revision."),
    };

    public EmployeeW4 ToDomain()
    {
        var form = W4Mapping.ToForm(new WithholdingW4(
            Version, FilingStatus, Step2Checkbox, Step3Dependents.Amount, Step4aOtherIncome.Amount, Step4bDeductions.Amount,
            Step4cExtraWithholding.Amount, MaritalStatus, Allowances, ExtraWithholding.Amount, Exempt))
            ?? throw new InvalidOperationException($"Stored W-4 of employee {EmployeeId} from {EffectiveDate} cannot be read.");
        return new EmployeeW4(EffectiveDate, form);
    }
}
