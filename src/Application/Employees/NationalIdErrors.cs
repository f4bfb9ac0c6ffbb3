using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Employees;

public static class NationalIdErrors
{
    /// <summary>The same answer whether or not the number is taken: past the limit, a guess learns nothing.</summary>
    public static Error TooManyWrites(string field) => Error.TooManyRequests(
        "employee.national_id_writes_limited",
        $"Too many {field} changes in the last hour from this account or in this company. Try again later, or ask the administrator.",
        field);
}
