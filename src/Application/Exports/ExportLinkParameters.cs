namespace PayrollPortal.Application.Exports;

/// <summary>The query parameters of a download link.</summary>
public static class ExportLinkParameters
{
    public const string Company = "company";
    public const string Scope = "scope";
    public const string Format = "format";
    public const string Expires = "exp";
    public const string KeyId = "kid";
    public const string Signature = "sig";
}
