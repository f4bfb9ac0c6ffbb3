using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// After logging and metrics, before idempotency and validation: checks the caller against the message's
/// <see cref="RequiresAttribute"/>. It runs first so that a caller who may not send a message is refused for who they are
/// (a viewer's invalid write is 403, not a 400 describing the body), and outside any transaction, because a denial is
/// audited on its own. A company the caller is not a member of is "not found" (its existence is not revealed); a member
/// without the role is forbidden. Denials to an authenticated caller are recorded in the audit trail's security chain.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser, ISecurityAudit securityAudit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly Access Rule = AccessRules.For(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var caller = currentUser.Caller;
        var (error, companyId) = Check(Rule, caller, message);
        if (error is null)
        {
            return await next(message, cancellationToken);
        }

        if (caller.IsAuthenticated)
        {
            await securityAudit.RecordAsync(new AuditEntry(AuditActions.AccessDenied, companyId, "message", Guid.Empty, new Dictionary<string, object?>
            {
                ["message"] = typeof(TMessage).Name,
                ["required"] = Rule.ToString(),
                ["outcome"] = error.Type.ToString(),
            }), cancellationToken);
        }

        return FailureFactory<TResponse>.Failure([error]);
    }

    private static (Error? Error, Guid? CompanyId) Check(Access rule, Caller caller, TMessage message)
    {
        if (rule is Access.Public or Access.CheckedByEndpoint)
        {
            return (null, null);
        }

        if (!caller.IsAuthenticated)
        {
            return (IdentityErrors.Unauthenticated, null);
        }

        if (rule == Access.SignedIn)
        {
            return (null, null);
        }

        if (rule == Access.Admin)
        {
            return (caller.IsAdmin ? null : IdentityErrors.Forbidden, null);
        }

        var companyId = message switch
        {
            ICompanyScoped scoped => scoped.CompanyId,
            IOptionallyCompanyScoped optional => optional.CompanyId,
            _ => throw new InvalidOperationException($"{typeof(TMessage).Name} requires a company role but names no company (ICompanyScoped)."),
        };
        if (companyId is not { } company)
        {
            return (caller.IsAdmin ? null : IdentityErrors.Forbidden, null);
        }

        var required = rule switch
        {
            Access.Viewer => CompanyRole.Viewer,
            Access.PayrollManager => CompanyRole.PayrollManager,
            _ => CompanyRole.CompanyAdmin,
        };
        return caller.RoleIn(company) switch
        {
            null => (CompanyErrors.NotFound, company),
            { } role when role < required => (IdentityErrors.Forbidden, company),
            _ => (null, company),
        };
    }
}
