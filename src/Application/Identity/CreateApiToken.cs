using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Identity;

/// <summary>
/// Issues an API token for a REST client: any member may create one for themselves, scoped to one company with a role no
/// higher than their own there (a global <c>admin</c> token is for the global administrator). The token is returned once;
/// only its SHA-256 is stored. It belongs to the caller and never grants more than its owner currently holds; a company
/// admin may revoke any of the company's tokens. Only a portal session (or the operator) may create one: a token that could
/// mint tokens would turn one leak into a year-long credential.
/// </summary>
[Requires(Access.Viewer)]
public sealed record CreateApiToken(string? Name, Guid? CompanyId, string? Role, DateTimeOffset? ExpiresAt)
    : ICommand<Result<CreatedApiTokenDto>>, IOptionallyCompanyScoped
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public sealed class Validator : AbstractValidator<CreateApiToken>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.Name).NotEmpty().WithErrorCode("token.name_required").WithMessage("name is required.")
                .MaximumLength(100).WithErrorCode("token.name_too_long")
                .Must(n => !UnsafeText.Contains(n)).WithErrorCode("token.name_invalid_characters").WithMessage("name " + UnsafeText.Message);
            RuleFor(x => x.Role).Must(r => r == CompanyRoles.Admin || (r != CompanyRoles.Employee && CompanyRoles.TryParse(r, out _))).WithErrorCode("token.role_invalid")
                .WithMessage("role must be admin, company_admin, payroll_manager or viewer.");
            RuleFor(x => x.CompanyId).Null().When(x => x.Role == CompanyRoles.Admin).WithErrorCode("token.admin_has_no_company")
                .WithMessage("An admin token is global: leave companyId out.");
            RuleFor(x => x.CompanyId).NotNull().When(x => x.Role != CompanyRoles.Admin).WithErrorCode("token.company_required")
                .WithMessage("companyId is required for a company role.");
            RuleFor(x => x.ExpiresAt).Must(e => e is null || (e > clock.GetUtcNow() && e <= clock.GetUtcNow() + MaxLifetime))
                .WithErrorCode("token.expiry_invalid").WithMessage("expiresAt must be in the future and at most 366 days away.");
        }
    }

    public sealed class Handler(
        IApiTokenRepository tokens, ICompanyQueries companies, ICurrentUser currentUser, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreateApiToken, Result<CreatedApiTokenDto>>
    {
        public async ValueTask<Result<CreatedApiTokenDto>> Handle(CreateApiToken command, CancellationToken cancellationToken)
        {
            var caller = currentUser.Caller;
            if (caller.UserId is not { } owner)
            {
                return IdentityErrors.Forbidden;
            }

            if (caller.TokenId is not null)
            {
                return IdentityErrors.SessionRequired;
            }

            if (command.CompanyId is { } companyId)
            {
                if (await companies.GetAsync(companyId, cancellationToken) is null)
                {
                    return CompanyErrors.NotFound;
                }

                if (caller.RoleIn(companyId) is not { } own || own < CompanyRoles.Parse(command.Role!))
                {
                    return IdentityErrors.RoleAboveCaller;
                }
            }

            var now = clock.GetUtcNow();
            var secret = SecretTokens.NewSecret(SecretTokens.ApiTokenPrefix);
            var token = new ApiTokenRecord(Guid.CreateVersion7(), owner, command.Name!.Trim(), command.CompanyId, command.Role!, SecretTokens.HashOf(secret),
                now, command.ExpiresAt ?? now + DefaultLifetime, null, null, ApiTokenSources.Of(caller));
            await tokens.AddAsync(token, cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.TokenCreated, command.CompanyId, "api_token", token.Id, new Dictionary<string, object?>
            {
                ["name"] = token.Name,
                ["role"] = token.Role,
                ["expiresAt"] = token.ExpiresAt,
            }), cancellationToken);
            return new CreatedApiTokenDto(token.Id, token.Name, token.CompanyId, token.Role, token.ExpiresAt, secret);
        }
    }
}
