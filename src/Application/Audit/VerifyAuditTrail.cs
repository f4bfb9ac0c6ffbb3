using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Audit;

/// <summary>What <c>payroll audit verify</c> reports, for the global administrator in the portal.</summary>
[Requires(Access.Admin)]
public sealed record VerifyAuditTrail : IQuery<Result<AuditVerificationReport>>
{
    /// <summary>Enough to find where the trail broke; the CLI lists more.</summary>
    public const int MaxProblems = 20;

    public sealed class Handler(IAuditVerification verification) : IQueryHandler<VerifyAuditTrail, Result<AuditVerificationReport>>
    {
        public async ValueTask<Result<AuditVerificationReport>> Handle(VerifyAuditTrail query, CancellationToken cancellationToken) =>
            await verification.VerifyAsync(MaxProblems, cancellationToken);
    }
}
