using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Identity;

/// <summary>Checks ADMIN_EMAIL/ADMIN_PASSWORD at start-up, so a bad value stops the server with exit code 2 before it serves.</summary>
internal static class AdminSettings
{
    public static void Validate(IConfiguration configuration)
    {
        if (configuration["ADMIN_EMAIL"] is { Length: > 0 } email && !Emails.LooksValid(email))
        {
            throw new InvalidOperationException("ADMIN_EMAIL must be an email address.");
        }

        if (configuration["ADMIN_PASSWORD"] is { Length: > 0 } password && password.Length is < Passwords.MinLength or > Passwords.MaxLength)
        {
            throw new InvalidOperationException($"ADMIN_PASSWORD must be {Passwords.MinLength} to {Passwords.MaxLength} characters.");
        }

        _ = IdentityHosting.LoginRateLimitPerMinute(configuration);
    }
}
