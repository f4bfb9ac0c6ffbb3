using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.OpeningBalances;

public static class OpeningBalanceErrors
{
    public static Error UnknownField(string field) =>
        Error.Validation("opening_balance.unknown_field", $"'{field.Split('.')[^1]}' is not an opening balance field of this company's regime.", field);

    public static Error RegimeUnsupported(string regime) =>
        Error.Conflict("opening_balance.regime_unsupported", $"A '{regime}' company takes no opening balances.");

    public static Error PayrollAfterAsOf(string field, DateOnly asOf, DateOnly payDate) => Error.Conflict(
        "opening_balance.payroll_after_as_of",
        $"A payroll paid {payDate:yyyy-MM-dd} is already approved for this employee after the as-of date {asOf:yyyy-MM-dd}: its figures already count, so a balance as of an earlier date would count twice.",
        field);
}
