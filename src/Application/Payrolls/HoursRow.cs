namespace PayrollPortal.Application.Payrolls;

/// <summary>One employee's hours for a run, from the JSON body or a CSV row.</summary>
/// <param name="Label">Where the row came from, for error fields: <c>hours[0]</c>, or <c>rows[2]</c> for the CSV's spreadsheet row 2.</param>
public sealed record HoursRow(Guid? EmployeeId, string? EmployeeNumber, decimal? RegularHours, decimal? OvertimeHours)
{
    public string? Label { get; init; }
}
