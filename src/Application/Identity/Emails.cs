namespace PayrollPortal.Application.Identity;

public static class Emails
{
    public const int MaxLength = 254;

    /// <summary>Emails are compared trimmed and lower-case, so "Ann@Example.com " signs in as "ann@example.com".</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool LooksValid(string? email) =>
        email is not null && Normalize(email) is { Length: > 2 and <= MaxLength } e && e.IndexOf('@') is > 0 and var at && at < e.Length - 1 && !e.Any(char.IsWhiteSpace) && !Domain.Common.UnsafeText.Contains(e);
}
