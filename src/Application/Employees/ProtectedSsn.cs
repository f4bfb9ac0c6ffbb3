namespace PayrollPortal.Application.Employees;

/// <summary>An SSN as it is stored: ciphertext (naming its key), the blind index and the last four digits.</summary>
public sealed record ProtectedSsn(string Ciphertext, string BlindIndex, string Last4);
