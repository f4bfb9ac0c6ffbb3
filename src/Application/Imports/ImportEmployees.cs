using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Imports;

/// <summary>
/// Brings a company's employees in from a CSV or XLSX file (docs/IMPORTS.md): new rows are hired, rows matching an employee
/// (by employee number, else by the national identifier's blind index) update it, and a changed W-4, kr profile or
/// compensation joins its effective-dated history. All or nothing: any problem refuses the whole file with every problem
/// by row and column. A dry run answers the same checks and stores nothing.
/// A company admin's action: matching by identifier would otherwise be a bulk way to guess a hidden employee's SSN.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record ImportEmployees(Guid CompanyId, ImportFile File, bool DryRun) : ICommand<Result<EmployeeImportDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ImportEmployees>
    {
        public Validator() => RuleFor(x => x.File.Sha256).Length(64).WithErrorCode("import.file_required").WithMessage("The file is required.")
            .OverridePropertyName("file");
    }

    public sealed class Handler(
        ICompanyQueries companies, RegimeParts<IEmployeeImports> regimes, IImportFileReader reader, EmployeeImportPlanner planner,
        IEmployeeRepository employees, ICompensationHistory history, IAuditTrail audit) : ICommandHandler<ImportEmployees, Result<EmployeeImportDto>>
    {
        public async ValueTask<Result<EmployeeImportDto>> Handle(ImportEmployees command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (regimes.Find(company.Regime) is not { } regime)
            {
                return ImportErrors.RegimeUnsupported(company.Regime);
            }

            var table = reader.Read(command.File);
            if (!table.IsSuccess)
            {
                return Result<EmployeeImportDto>.Failure(table.Errors);
            }

            var plan = await planner.PlanAsync(company.Id, company.Regime, regime, table.Value!, cancellationToken);
            var result = Describe(command, plan);
            if (command.DryRun)
            {
                return result;
            }

            if (plan.Problems.Count > 0)
            {
                return Result<EmployeeImportDto>.Failure(plan.Problems.Select(p => p.ToError()));
            }

            // New employees in bulk (one COPY a table on PostgreSQL); updates one by one, each joining its histories.
            var hires = plan.Rows.Where(r => r.Action == PlannedEmployee.Created).ToList();
            if (!await employees.AddManyAsync([.. hires.Select(r => (r.Employee, r.Ssn!))], cancellationToken))
            {
                return Error.Conflict("import.national_id_taken",
                    "Another employee took one of the file's identifiers or employee numbers while it was read; import it again.", $"rows.{regime.NationalIdColumn}");
            }

            await history.AddNewAsync([.. hires.Where(r => r.Compensation is not null).Select(r => r.Compensation!)], cancellationToken);
            foreach (var row in plan.Rows.Where(r => r.Action == PlannedEmployee.Updated))
            {
                await employees.UpdateAsync(row.Employee, row.Ssn, cancellationToken);
                if (row.Compensation is { } compensation)
                {
                    await history.SaveAsync(compensation, cancellationToken);
                }
            }

            await audit.RecordAsync(new AuditEntry(AuditActions.EmployeesImported, command.CompanyId, "company", command.CompanyId, new Dictionary<string, object?>
            {
                ["format"] = command.File.Kind == ImportFileKind.Csv ? "csv" : "xlsx",
                ["sha256"] = command.File.Sha256,
                ["rows"] = result.Rows,
                ["created"] = result.Created,
                ["updated"] = result.Updated,
                ["unchanged"] = result.Unchanged,
            }), cancellationToken);
            return result;
        }

        private static EmployeeImportDto Describe(ImportEmployees command, EmployeeImportPlan plan) => new(
            command.DryRun,
            command.File.Sha256,
            plan.Rows.Count,
            plan.Rows.Count(r => r.Action == PlannedEmployee.Created),
            plan.Rows.Count(r => r.Action == PlannedEmployee.Updated),
            plan.Rows.Count(r => r.Action == PlannedEmployee.Unchanged),
            plan.Problems,
            plan.Rows.Select(r => new ImportedEmployeeDto(
                r.Row, r.Action, command.DryRun && r.Action == PlannedEmployee.Created ? null : r.Employee.Id, r.Employee.EmployeeNumber, r.Changes)).ToList());
    }
}
