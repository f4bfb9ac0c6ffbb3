using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// Issues a download link for a company's payroll register, or for one document a module exports (<see cref="IExportDocumentSource"/>):
/// signed and expiring (default 15 minutes, at most 24 hours) when <c>EXPORT_HMAC_SECRET</c> is set. Reads only, but it is a
/// command: issuing is an act an audit trail records.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record IssueExportLink(Guid CompanyId, ExportScopeRequest? Scope, string? Format, int? ExpiresInMinutes = null)
    : ICommand<Result<ExportLinkDto>>, ICompanyScoped
{
    public const int DefaultMinutes = 15;
    public const int MaxMinutes = 24 * 60;

    public sealed class Validator : AbstractValidator<IssueExportLink>
    {
        public Validator(ExportFormats formats)
        {
            RuleFor(x => x.Format).Must(f => formats.TryParse(f, out _)).WithErrorCode("export.format_invalid")
                .WithMessage($"format must be {formats.Names(quoted: true)}.");
            RuleFor(x => x.Scope).NotNull().WithErrorCode("export.scope_required")
                .WithMessage("scope is required: {\"payrollId\"}, {\"year\", \"month\"} or {\"year\", \"quarter\"}.");
            RuleFor(x => x.Scope!).Must(s => s.HasOneShape).When(x => x.Scope is not null).WithErrorCode("export.scope_invalid")
                .WithMessage("scope must be exactly one of {\"payrollId\"}, {\"year\", \"month\"}, {\"year\", \"quarter\"} or one document's id under the member its module declares (docs/EXPORTS.md).");
            RuleFor(x => x.Scope!.Year).InclusiveBetween(1900, 2200).When(x => x.Scope is not null).WithErrorCode("export.year_invalid")
                .WithMessage("year must be 1900-2200.");
            RuleFor(x => x.Scope!.Month).InclusiveBetween(1, 12).When(x => x.Scope is not null).WithErrorCode("export.month_invalid")
                .WithMessage("month must be 1 to 12.");
            RuleFor(x => x.Scope!.Quarter).InclusiveBetween(1, 4).When(x => x.Scope is not null).WithErrorCode("export.quarter_invalid")
                .WithMessage("quarter must be 1 to 4.");
            RuleFor(x => x.ExpiresInMinutes).InclusiveBetween(1, MaxMinutes).WithErrorCode("export.expiry_invalid")
                .WithMessage($"expiresInMinutes must be 1 to {MaxMinutes} (24 hours).");
            RuleFor(x => x.Scope!)
                .Must((x, scope) => !formats.TryParse(x.Format, out var format) || formats.Fits(format, scope))
                .When(x => x.Scope is not null).WithErrorCode("export.scope_invalid")
                .WithMessage(x => $"format \"{x.Format}\" exports one payroll: scope must be {{\"payrollId\"}}.");
        }
    }

    public sealed class Handler(
        ICompanyQueries companies, IPayrollRegisterSource registers, IEnumerable<IExportDocumentSource> documents, IExportLinks links, ExportFormats formats,
        IAuditTrail audit, ICurrentUser currentUser)
        : ICommandHandler<IssueExportLink, Result<ExportLinkDto>>
    {
        public async ValueTask<Result<ExportLinkDto>> Handle(IssueExportLink command, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            ExportScope scope;
            if (command.Scope!.Document is var (member, documentId))
            {
                if (documents.FirstOrDefault(d => d.ScopeMember == member) is not { } source)
                {
                    return ExportErrors.UnknownScopeMember(member);
                }

                var document = await source.FindAsync(command.CompanyId, documentId, cancellationToken);
                if (!document.IsSuccess)
                {
                    return Result<ExportLinkDto>.Failure(document.Errors);
                }

                scope = ExportScope.ForDocument(source.Kind, documentId);
            }
            else
            {
                scope = command.Scope.ToScope();
            }

            if (scope.PayrollId is { } payrollId)
            {
                var payroll = await registers.FindPayrollAsync(command.CompanyId, payrollId, cancellationToken);
                if (payroll is null)
                {
                    return ExportErrors.PayrollNotFound;
                }

                if (payroll.Value.Status == "voided")
                {
                    return ExportErrors.PayrollVoided;
                }

                // A draft's register is marked DRAFT, but its payslips would be handed to people as final: refused.
                if (payroll.Value.Status == "draft" && formats.WriterOf(formats.Parse(command.Format)).Source == ExportSource.Payslips)
                {
                    return Payslips.PayslipErrors.PayrollDraft;
                }
            }

            var link = links.Issue(new ExportTarget(command.CompanyId, scope, formats.Parse(command.Format)), TimeSpan.FromMinutes(command.ExpiresInMinutes ?? DefaultMinutes),
                currentUser.Caller.UserId);

            // The link itself is a bearer credential until it expires, so the trail records what it grants, not its signature.
            var details = new Dictionary<string, object?>
            {
                ["scope"] = scope.Kind.ToString().ToLowerInvariant(),
                ["payrollId"] = scope.PayrollId,
                ["year"] = scope.Kind is ExportScopeKind.Month or ExportScopeKind.Quarter ? scope.Year : null,
                ["period"] = scope.Kind is ExportScopeKind.Month or ExportScopeKind.Quarter ? scope.Period : null,
                ["format"] = command.Format,
                ["expiresAt"] = link.ExpiresAt,
            };
            if (scope.Kind == ExportScopeKind.Document)
            {
                details["document"] = scope.DocumentKind;
                details["documentId"] = scope.DocumentId;
            }

            await audit.RecordAsync(new AuditEntry(AuditActions.ExportLinkIssued, command.CompanyId, "company", command.CompanyId, details), cancellationToken);
            return link;
        }
    }
}
