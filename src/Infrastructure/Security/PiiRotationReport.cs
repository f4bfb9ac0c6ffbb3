namespace PayrollPortal.Infrastructure.Security;

/// <summary>How far a rotation got: rows seen, rows re-encrypted under <see cref="KeyId"/>, and rows it had to leave as they were.</summary>
public sealed record PiiRotationReport(string KeyId, int Total, int Rotated, IReadOnlyList<PiiRotationSkip> Skipped);

/// <summary>A row left unrotated and why; names the row (an employee, or another <see cref="ProtectedIdentifierTable"/>'s subject), never the number.</summary>
public sealed record PiiRotationSkip(Guid EmployeeId, string Reason, string Subject = "employee");
