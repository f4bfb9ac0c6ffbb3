namespace PayrollPortal.Infrastructure.Security;

/// <summary>The PII key configuration cannot be used. One line; never contains key material.</summary>
public sealed class PiiKeyException(string message) : Exception(message);
