using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Infrastructure.Persistence.Korea;

/// <summary>An <c>employee_kr_profiles</c> row; amounts in whole KRW.</summary>
internal sealed class EmployeeKoreaProfileRow
{
    public const string Columns =
        "employee_id AS EmployeeId, effective_date AS EffectiveDate, dependents AS Dependents, children_8_to_20 AS ChildrenAged8To20, " +
        "withholding_ratio AS WithholdingRatio, meals AS Meals, car_allowance AS CarAllowance, childcare AS Childcare";

    public const string Insert =
        """
        INSERT INTO employee_kr_profiles (employee_id, effective_date, dependents, children_8_to_20, withholding_ratio, meals, car_allowance, childcare)
        VALUES (@EmployeeId, @EffectiveDate, @Dependents, @ChildrenAged8To20, @WithholdingRatio, @Meals, @CarAllowance, @Childcare)
        """;

    public Guid EmployeeId { get; init; }

    public DateOnly EffectiveDate { get; init; }

    public int Dependents { get; init; }

    public int ChildrenAged8To20 { get; init; }

    public int WithholdingRatio { get; init; }

    public long Meals { get; init; }

    public long CarAllowance { get; init; }

    public long Childcare { get; init; }

    public static EmployeeKoreaProfileRow From(Guid employeeId, KoreaProfile profile) => new()
    {
        EmployeeId = employeeId,
        EffectiveDate = profile.EffectiveDate,
        Dependents = profile.Dependents,
        ChildrenAged8To20 = profile.ChildrenAged8To20,
        WithholdingRatio = profile.WithholdingRatio,
        Meals = profile.MonthlyNonTaxable.Meals,
        CarAllowance = profile.MonthlyNonTaxable.CarAllowance,
        Childcare = profile.MonthlyNonTaxable.Childcare,
    };

    public KoreaProfile ToDomain() =>
        new(EffectiveDate, Dependents, ChildrenAged8To20, WithholdingRatio, new KoreaNonTaxableAllowances(Meals, CarAllowance, Childcare));
}
