namespace PayrollPortal.Infrastructure.Exports;

/// <summary>One HMAC-SHA256 key of <c>EXPORT_HMAC_SECRET</c>: its id, carried by links as <c>kid</c>, and its secret bytes.</summary>
public sealed class ExportSigningKey(string id, byte[] secret)
{
    public string Id { get; } = id;

    internal byte[] Secret { get; } = secret;
}
