using System.Data.Common;
using Dapper;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

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

    /// <summary>
    /// The kr profiles of the employees that have no W-4 (only kr employees), in one round trip, or none at all when every
    /// employee has a W-4: reading us-federal employees costs nothing extra.
    /// </summary>
    public static async Task<ILookup<Guid, KoreaProfile>> LoadForEmployeesWithoutW4Async(
        DbConnection connection, DbTransaction? transaction, IEnumerable<Guid> employeeIds, ILookup<Guid, EmployeeW4Row> w4History,
        CancellationToken cancellationToken)
    {
        var ids = employeeIds.Where(id => !w4History[id].Any()).ToArray();
        if (ids.Length == 0)
        {
            return Array.Empty<KoreaProfile>().ToLookup(_ => Guid.Empty);
        }

        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<EmployeeKoreaProfileRow>(new CommandDefinition(
            $"SELECT {Columns} FROM employee_kr_profiles WHERE {SqlIn.Any(connection, parameters, "employee_id", "employees", ids)} ORDER BY employee_id, effective_date",
            parameters, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.EmployeeId, r => r.ToDomain());
    }

    public KoreaProfile ToDomain() =>
        new(EffectiveDate, Dependents, ChildrenAged8To20, WithholdingRatio, new KoreaNonTaxableAllowances(Meals, CarAllowance, Childcare));
}
