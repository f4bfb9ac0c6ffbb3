namespace PayrollPortal.Application.Compensation;

/// <summary>A compensation record as stored: the regime's terms are its JSON, read back by the regime's module.</summary>
public sealed record StoredCompensation(Guid EmployeeId, DateOnly EffectiveFrom, string PayType, string Terms, DateTimeOffset RecordedAt);
