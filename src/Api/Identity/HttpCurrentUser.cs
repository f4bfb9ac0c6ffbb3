using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// The caller of the current scope: in a request, read once from the authenticated principal; elsewhere (start-up work,
/// in-process callers such as tests) the caller the scope was explicitly given, or nobody.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private Caller? _caller;

    public Caller Caller => _caller ??= CallerClaims.FromPrincipal(accessor.HttpContext?.User);

    /// <summary>Runs this scope as <paramref name="caller"/>, for work that does not come through HTTP.</summary>
    public void Assign(Caller caller) => _caller = caller;
}
