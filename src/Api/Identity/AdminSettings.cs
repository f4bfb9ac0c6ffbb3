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

        // The same rules as any new password, even once the administrator exists: a weak secret should not linger in the
        // environment, and the variable is only read on the first start (remove it afterwards).
        if (configuration["ADMIN_PASSWORD"] is { Length: > 0 } password
            && Passwords.Problem(password, configuration["ADMIN_EMAIL"] is { Length: > 0 } admin ? admin : AdminBootstrapService.DefaultEmail, "ADMIN_PASSWORD") is { } problem)
        {
            throw new InvalidOperationException(problem.Message);
        }

        _ = IdentityHosting.Limits.From(configuration);
    }
}
