using PayrollPortal.Application.Regimes;
using Mediator;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// Prepares the register a verified link or an authorised session asked for. Only approved payrolls are included, unless
/// the target is one draft payroll, which the file then marks DRAFT. The rows are read while the file is written.
/// </summary>
[Requires(Access.CheckedByEndpoint)]
public sealed record ExportPayrollRegister(ExportTarget Target, string GeneratedBy) : IQuery<Result<ExportFile>>
{
    public sealed class Handler(
        ICompanyQueries companies, IPayrollRegisterSource registers, RegimeParts<IRegisterColumnsSource> regimes, IEnumerable<IRegisterFileWriter> writers, IRequestContext context, TimeProvider clock)
        : IQueryHandler<ExportPayrollRegister, Result<ExportFile>>
    {
        public async ValueTask<Result<ExportFile>> Handle(ExportPayrollRegister query, CancellationToken cancellationToken)
        {
            var target = query.Target;
            var company = await companies.GetAsync(target.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            DateOnly? payDate = null;
            var draft = false;
            if (target.Scope.PayrollId is { } payrollId)
            {
                var payroll = await registers.FindPayrollAsync(target.CompanyId, payrollId, cancellationToken);
                if (payroll is null)
                {
                    return ExportErrors.PayrollNotFound;
                }

                if (payroll.Value.Status == "voided")
                {
                    return ExportErrors.PayrollVoided;
                }

                payDate = payroll.Value.PayDate;
                draft = payroll.Value.Status == "draft";
            }

            var writer = writers.Single(w => w.Format == target.Format);
            var document = new RegisterDocument(
                company.Name, company.Slug, target.Scope, draft, clock.GetUtcNow(), query.GeneratedBy, context.RequestId,
                regimes.For(company.Regime).Columns);
            var fileName = ExportFileNames.For(company.Slug, target.Scope, payDate, draft, writer.FileExtension);
            return new ExportFile(fileName, writer.ContentType, (output, ct) =>
                writer.WriteAsync(
                    output, document, registers.ReadAsync(target.CompanyId, company.Regime, target.Scope, ct), ct));
        }
    }
}
