namespace PayrollPortal.Infrastructure.Exports;

/// <summary><c>EXPORT_HMAC_SECRET</c> cannot be used. One line; never contains key material.</summary>
public sealed class ExportSigningKeyException(string message) : Exception(message);
