using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// The rules for a new password, after NIST SP 800-63B-4 for a password that is the only factor: at least 15 characters,
/// up to 256 allowed, no composition rules; not on the shipped list of common and breached passwords, not the account's
/// email, not one character or one short pattern repeated. Existing passwords are never re-checked: they keep working
/// until their owner changes them.
/// </summary>
public static class Passwords
{
    public const int MinLength = 15;
    public const int MaxLength = 256;

    /// <summary>Fewer distinct characters than this is a repetition ("aaaa...", "abab..."), not a passphrase.</summary>
    private const int MinDistinctCharacters = 4;

    /// <summary>Why <paramref name="password"/> may not be a new password for <paramref name="email"/>, or null when it may.</summary>
    /// <param name="field">The input it came from, named in the error.</param>
    public static Error? Problem(string? password, string? email, string field)
    {
        if (password is null || password.Length is < MinLength or > MaxLength)
        {
            return Error.Validation("user.password_length", $"{field} must be {MinLength} to {MaxLength} characters.", field);
        }

        if (email is { Length: > 0 } && IsTheEmail(password, email))
        {
            return Error.Validation("user.password_is_email", $"{field} must not be the account's email address or its name part.", field);
        }

        if (IsRepetitive(password))
        {
            return Error.Validation("user.password_repetitive", $"{field} must not be one character or a short pattern repeated.", field);
        }

        return CommonPasswords.Contains(password)
            ? Error.Validation("user.password_common", $"{field} is on the list of commonly used or breached passwords; choose another.", field)
            : null;
    }

    private static bool IsTheEmail(string password, string email)
    {
        var candidate = password.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return string.Equals(candidate, email.Trim(), StringComparison.OrdinalIgnoreCase)
            || (at > 0 && string.Equals(candidate, email[..at].Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Few distinct characters, or the whole password one unit repeated ("passwordpassword").</summary>
    private static bool IsRepetitive(string password)
    {
        if (password.Distinct().Count() < MinDistinctCharacters)
        {
            return true;
        }

        for (var unit = 1; unit <= password.Length / 2; unit++)
        {
            if (password.Length % unit == 0 && password.AsSpan(unit).SequenceEqual(password.AsSpan(0, password.Length - unit)))
            {
                return true;
            }
        }

        return false;
    }
}
