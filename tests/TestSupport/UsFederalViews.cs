using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Withholding.UsFederal;

namespace PayrollPortal.TestSupport;

/// <summary>
/// The us-federal members of the core DTOs, typed, for tests that send messages through the pipeline (HTTP clients read
/// the same members from the JSON).
/// </summary>
public static class UsFederalViews
{
    public static WithholdingW4 W4(this EmployeeDto employee) => Member<WithholdingW4>(employee.RegimeMembers, "w4");

    public static DateOnly W4EffectiveDate(this EmployeeDto employee) => Member<DateOnly>(employee.RegimeMembers, "w4EffectiveDate");

    public static IReadOnlyList<EmployeeW4Dto> W4History(this EmployeeDto employee) => Member<List<EmployeeW4Dto>>(employee.RegimeMembers, "w4History");

    public static LineWithholdingsDto Withholdings(this PayrollLineDto line) => Member<LineWithholdingsDto>(line.RegimeMembers, "withholdings");

    public static LineTaxableWagesDto TaxableWages(this PayrollLineDto line) => Member<LineTaxableWagesDto>(line.RegimeMembers, "taxableWages");

    public static EmployerTaxesDto EmployerTaxes(this PayrollLineDto line) => Member<EmployerTaxesDto>(line.RegimeMembers, "employerTaxes");

    public static decimal FederalIncomeTax(this PayrollTotalsDto totals) => Member<decimal>(totals.RegimeMembers, "federalIncomeTax");

    public static WithholdingMonthDto Totals(this WithholdingReportDto report) => Member<WithholdingMonthDto>(report.RegimeMembers, "totals");

    public static IReadOnlyList<WithholdingMonthDto> Months(this WithholdingReportDto report) => Member<WithholdingMonthDto[]>(report.RegimeMembers, "months");

    public static DateOnly W4EffectiveDate(this PayrollLineDto line) => Member<DateOnly>(line.RegimeMembers, "w4EffectiveDate");

    public static decimal StateIncomeTax(this PayrollLineDto line) => Member<decimal>(line.RegimeMembers, "stateIncomeTax");

    public static string? StateJurisdiction(this PayrollLineDto line) =>
        line.RegimeMembers is { } members && members.TryGetValue("stateJurisdiction", out var value) ? (string?)value : throw new InvalidOperationException("no stateJurisdiction member");

    public static decimal StateIncomeTax(this PayrollTotalsDto totals) => Member<decimal>(totals.RegimeMembers, "stateIncomeTax");

    public static IReadOnlyList<StateTotalsDto> States(this WithholdingReportDto report) => Member<IReadOnlyList<StateTotalsDto>>(report.RegimeMembers, "states");

    public static IReadOnlyList<EmployeeStateDto> StateHistory(this EmployeeDto employee) => Member<List<EmployeeStateDto>>(employee.RegimeMembers, "stateHistory");

    /// <summary>A DTO as the API writes it: DTOs with regime members compare by their JSON, not by reference.</summary>
    public static string Json(this object dto) => System.Text.Json.JsonSerializer.Serialize(dto, System.Text.Json.JsonSerializerOptions.Web);

    private static T Member<T>(IDictionary<string, object?>? members, string name) =>
        members is not null && members.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"The DTO has no us-federal member '{name}' of type {typeof(T).Name}.");
}
