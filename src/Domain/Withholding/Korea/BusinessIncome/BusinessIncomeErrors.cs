using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

public static class BusinessIncomeErrors
{
    public static readonly Error SheetNotFound = Error.NotFound("business_income.sheet_not_found", "Business-income sheet not found.");

    public static readonly Error NotDraft = Error.Conflict("business_income.not_draft", "Only a draft sheet can be approved; this one is not a draft.");

    public static readonly Error NotApproved = Error.Conflict("business_income.not_approved", "Only an approved sheet can be voided.");

    public static readonly Error RrnTaken = Error.Conflict(
        "business_income.rrn_taken", "A payee with this residentRegistrationNumber already exists in the company.", "residentRegistrationNumber");

    /// <summary>The company's regime has no business-income sheets (they are a kr part): the company is fine, the request is not for it.</summary>
    public static Error RegimeUnsupported(string regime) => Error.Conflict(
        "business_income.regime_unsupported",
        $"Business-income payees and sheets belong to the kr regime; this company withholds under '{regime}'.");

    public static Error UnknownPayee(int index) =>
        Error.Validation("business_income.unknown_payee", "No business-income payee with this id belongs to the company.", $"lines[{index}].payeeId");

    public static Error DuplicatePayee(int index) =>
        Error.Validation("business_income.duplicate_payee", "The payee already has a line on this sheet.", $"lines[{index}].payeeId");

    public static Error Closed(PayMonth month) => Error.Conflict(
        "period.closed",
        $"{month} is closed: business-income sheets paid in it cannot be posted, approved or voided. A company admin can reopen the month, giving a reason.");
}
