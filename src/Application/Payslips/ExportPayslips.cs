using FluentValidation;
using Mediator;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// The payslips of the payroll a verified signed link (or a caller with export rights, checked by the download endpoint)
/// names, as one archive. A command because the audit trail records it (<c>payslips.exported</c>); the archive is written
/// after the commit, from what was loaded here.
/// </summary>
[Requires(Access.CheckedByEndpoint)]
public sealed record ExportPayslips(ExportTarget Target, string GeneratedBy) : ICommand<Result<ExportFile>>
{
    public sealed class Validator : AbstractValidator<ExportPayslips>
    {
        public Validator()
        {
            RuleFor(x => x.Target.Scope.PayrollId).NotNull().WithErrorCode("export.scope_invalid")
                .WithMessage("Payslips are exported for one payroll: scope must be {\"payrollId\"}.").OverridePropertyName("scope");
        }
    }

    public sealed class Handler(PayslipExports exports) : ICommandHandler<ExportPayslips, Result<ExportFile>>
    {
        public async ValueTask<Result<ExportFile>> Handle(ExportPayslips command, CancellationToken cancellationToken) =>
            await exports.OpenAsync(command.Target.CompanyId, command.Target.Scope.PayrollId!.Value, command.Target.Format, command.GeneratedBy, cancellationToken);
    }
}
