namespace PayrollPortal.Application.Identity;

/// <summary>
/// The outcome of <see cref="SignIn"/>. A refusal is a successful result carrying no user, so that the failure count, the
/// lock and the audit event it recorded commit; the host answers it with the same 401 whatever the reason.
/// </summary>
public sealed record SignInOutcome(MeDto? Me, string? SessionSecret, DateTimeOffset? SessionExpiresAt)
{
    public static SignInOutcome Refused { get; } = new(null, null, null);

    public bool Succeeded => Me is not null;
}
