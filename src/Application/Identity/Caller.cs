namespace PayrollPortal.Application.Identity;

/// <summary>
/// Who sends a message: a signed-in user (portal session), an API token, the trusted operator (CLI) or nobody. The HTTP host
/// builds it from the authenticated principal; authorization and the audit trail read it.
/// </summary>
public sealed record Caller
{
    private static readonly IReadOnlyDictionary<Guid, CompanyRole> NoMemberships = new Dictionary<Guid, CompanyRole>();
    private static readonly IReadOnlyDictionary<Guid, Guid> NoBindings = new Dictionary<Guid, Guid>();

    /// <summary>Stable identity for scoping (idempotency keys): <c>user:{id}</c>, <c>token:{id}</c>, <c>system:{name}</c> or <c>anonymous</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The name the audit trail records: the user's email, the token and its owner, or the operator.</summary>
    public required string Actor { get; init; }

    public bool IsAuthenticated { get; init; }

    /// <summary>The global administrator (or the trusted operator): every company, every action.</summary>
    public bool IsAdmin { get; init; }

    public Guid? UserId { get; init; }

    public string? Email { get; init; }

    /// <summary>Set when the caller is an API token; its rights never exceed its owner's.</summary>
    public Guid? TokenId { get; init; }

    public IReadOnlyDictionary<Guid, CompanyRole> Memberships { get; init; } = NoMemberships;

    /// <summary>
    /// The employee record each membership is bound to, by company, whatever the role: whose payslips the caller sees under
    /// <c>/api/me/payslips</c>. Read for portal sessions only; an API token carries none.
    /// </summary>
    public IReadOnlyDictionary<Guid, Guid> EmployeeBindings { get; init; } = NoBindings;

    public static Caller Anonymous { get; } = new() { Id = "anonymous", Actor = "anonymous" };

    /// <summary>The operator running a verb on the server itself: trusted like the global administrator.</summary>
    public static Caller System(string name) => new() { Id = "system:" + name, Actor = name, IsAuthenticated = true, IsAdmin = true };

    /// <summary>The caller's role in <paramref name="companyId"/>: the highest for a global administrator, null for a non-member.</summary>
    public CompanyRole? RoleIn(Guid companyId) =>
        IsAdmin ? CompanyRole.CompanyAdmin : Memberships.TryGetValue(companyId, out var role) ? role : null;
}
