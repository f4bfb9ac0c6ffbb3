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
        ICompanyQueries companies, IPayrollRegisterSource registers, RegimeParts<IRegisterColumnsSource> regimes, IEnumerable<IRegisterFileWriter> writers,
        IEnumerable<IExportDocumentSource> documents, IRequestContext context, TimeProvider clock)
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

            if (target.Scope.Kind == ExportScopeKind.Document)
            {
                return await DocumentAsync(query, company.Name, company.Slug, cancellationToken);
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

        /// <summary>A module's document, written by the same register writers with the document's own columns.</summary>
        private async Task<Result<ExportFile>> DocumentAsync(ExportPayrollRegister query, string companyName, string companySlug, CancellationToken cancellationToken)
        {
            var target = query.Target;
            if (documents.FirstOrDefault(d => d.Kind == target.Scope.DocumentKind) is not { } source)
            {
                return ExportErrors.DocumentNotFound;
            }

            var found = await source.FindAsync(target.CompanyId, target.Scope.DocumentId!.Value, cancellationToken);
            if (!found.IsSuccess)
            {
                return Result<ExportFile>.Failure(found.Errors);
            }

            var document = found.Value!;
            var writer = writers.Single(w => w.Format == target.Format);
            var header = new RegisterDocument(
                companyName, companySlug, target.Scope, document.IsDraft, clock.GetUtcNow(), query.GeneratedBy, context.RequestId, document.Columns);
            var fileName = $"{document.FileStem}{(document.IsDraft ? "-" + RegisterLayout.Draft : string.Empty)}.{writer.FileExtension}";
            return new ExportFile(fileName, writer.ContentType, (output, ct) => writer.WriteAsync(output, header, document.ReadRows(ct), ct));
        }
    }
}
