using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Imports;

/// <summary>
/// What is wrong with one cell: its spreadsheet row (the header is row 1) and its column's header name. The message never
/// holds a national identifier beyond its last four digits.
/// </summary>
public sealed record ImportProblem(int Row, string Column, string Code, string Message)
{
    /// <summary>The error as the API names fields: <c>rows[2].ssn</c>.</summary>
    public Error ToError() => Error.Validation(Code, Message, $"rows[{Row}].{Column}");
}
