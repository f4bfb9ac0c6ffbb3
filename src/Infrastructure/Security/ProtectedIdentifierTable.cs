namespace PayrollPortal.Infrastructure.Security;

/// <summary>
/// A table whose rows hold an encrypted national identifier (SSN, 주민등록번호) and its blind index, unique within a company:
/// what <see cref="PiiRotation"/> re-encrypts under the current key. The employees' is the core's; a module registers its own
/// (the kr business-income payees), so the rotation names no module's table.
/// </summary>
/// <param name="Subject">What a row is, for the rotation's messages ("employee").</param>
/// <param name="Identifier">What the number is called in those messages ("SSN").</param>
public sealed record ProtectedIdentifierTable(string Table, string Subject, string Identifier, string CiphertextColumn, string BlindIndexColumn)
{
    public static readonly ProtectedIdentifierTable Employees = new("employees", "employee", "SSN", "ssn_ciphertext", "ssn_blind_index");
}
