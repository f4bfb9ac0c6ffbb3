using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Regimes;

/// <summary>What a partial update changed in the regime's part of an employee.</summary>
/// <param name="NationalId">A corrected national identifier, when one was sent.</param>
/// <param name="PayFrequency">A new pay frequency, when one was sent.</param>
/// <param name="AuditDetails">The changed fields as the trail records them (identifiers only as "changed").</param>
public sealed record EmployeeProfileChange(NationalId? NationalId, PayFrequency? PayFrequency, IReadOnlyDictionary<string, object?> AuditDetails);
