using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Regimes;

/// <param name="AuditDetails">What the trail records of the regime's fields: never the national identifier.</param>
public sealed record NewEmployeeProfile(
    IEmployeeTaxProfile Profile, NationalId NationalId, PayFrequency PayFrequency, IReadOnlyDictionary<string, object?> AuditDetails);
