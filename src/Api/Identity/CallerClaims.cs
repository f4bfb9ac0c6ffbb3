using System.Globalization;
using System.Security.Claims;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Identity;

/// <summary>The caller as claims on the authenticated principal, and back; the only place that knows the claim names.</summary>
public static class CallerClaims
{
    public const string CallerId = "pp:caller";
    public const string Actor = "pp:actor";
    public const string UserId = "sub";
    public const string Email = "email";
    public const string TokenId = "pp:token";
    public const string Admin = "pp:admin";
    public const string Membership = "pp:member";
    public const string EmployeeBinding = "pp:employee";

    /// <summary>The session secret, inside the encrypted cookie only.</summary>
    public const string SessionSecret = "pp:sid";

    /// <summary>The session's CSRF token, inside the encrypted cookie; the client echoes it in <c>X-CSRF-Token</c>.</summary>
    public const string CsrfToken = "pp:csrf";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme, IEnumerable<Claim>? extra = null)
    {
        var claims = new List<Claim> { new(CallerId, caller.Id), new(Actor, caller.Actor) };
        if (caller.UserId is { } userId)
        {
            claims.Add(new Claim(UserId, userId.ToString("D")));
        }

        if (caller.Email is { } email)
        {
            claims.Add(new Claim(Email, email));
        }

        if (caller.TokenId is { } tokenId)
        {
            claims.Add(new Claim(TokenId, tokenId.ToString("D")));
        }

        if (caller.IsAdmin)
        {
            claims.Add(new Claim(Admin, "true"));
        }

        claims.AddRange(caller.Memberships.Select(m => new Claim(Membership, $"{m.Key:D}:{m.Value.Name()}")));
        claims.AddRange(caller.EmployeeBindings.Select(b => new Claim(EmployeeBinding, $"{b.Key:D}:{b.Value:D}")));
        claims.AddRange(extra ?? []);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Caller FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } || principal.FindFirstValue(CallerId) is not { } id)
        {
            return Caller.Anonymous;
        }

        var memberships = new Dictionary<Guid, CompanyRole>();
        foreach (var claim in principal.FindAll(Membership))
        {
            var separator = claim.Value.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && Guid.TryParse(claim.Value.AsSpan(0, separator), CultureInfo.InvariantCulture, out var companyId)
                && CompanyRoles.TryParse(claim.Value[(separator + 1)..], out var role))
            {
                memberships[companyId] = role.Value;
            }
        }

        var bindings = new Dictionary<Guid, Guid>();
        foreach (var claim in principal.FindAll(EmployeeBinding))
        {
            var separator = claim.Value.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && Guid.TryParse(claim.Value.AsSpan(0, separator), CultureInfo.InvariantCulture, out var companyId)
                && Guid.TryParse(claim.Value.AsSpan(separator + 1), CultureInfo.InvariantCulture, out var employeeId))
            {
                bindings[companyId] = employeeId;
            }
        }

        return new Caller
        {
            Id = id,
            Actor = principal.FindFirstValue(Actor) ?? id,
            IsAuthenticated = true,
            IsAdmin = principal.HasClaim(Admin, "true"),
            UserId = Guid.TryParse(principal.FindFirstValue(UserId), out var userId) ? userId : null,
            Email = principal.FindFirstValue(Email),
            TokenId = Guid.TryParse(principal.FindFirstValue(TokenId), out var tokenId) ? tokenId : null,
            Memberships = memberships,
            EmployeeBindings = bindings,
        };
    }
}
