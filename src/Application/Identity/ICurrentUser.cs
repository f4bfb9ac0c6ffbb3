namespace PayrollPortal.Application.Identity;

/// <summary>The caller of the current request or verb run; the host fills it (HTTP: from the authenticated principal).</summary>
public interface ICurrentUser
{
    Caller Caller { get; }
}
