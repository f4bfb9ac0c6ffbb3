namespace PayrollPortal.Application.Exports;

/// <summary>The query parameters of a download link.</summary>
public static class ExportLinkParameters
{
    public const string Company = "company";
    public const string Scope = "scope";
    public const string Format = "format";
    public const string Expires = "exp";
    public const string KeyId = "kid";

    /// <summary>The user id of whoever issued the link, signed with the rest: their export rights are checked at download.</summary>
    public const string IssuedBy = "by";
    public const string Signature = "sig";
}
