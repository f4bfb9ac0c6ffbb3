namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>DATABASE_URL cannot be used. The message is one line, names the problem and never contains a password.</summary>
public sealed class DatabaseUrlException(string message) : Exception(message);
