namespace PayrollPortal.Application.Identity;

/// <summary>Length rules only (NIST SP 800-63B): long passphrases beat composition rules.</summary>
public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;
}
