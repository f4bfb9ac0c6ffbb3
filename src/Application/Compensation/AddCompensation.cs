using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Compensation;

/// <summary>
/// Records what an employee earns from a date on, in the company's regime's terms. A record with the same effective date
/// replaces that one (the audit trail keeps both values); another date adds a record. A run uses the record in effect on
/// the period's end date.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record AddCompensation(Guid CompanyId, Guid EmployeeId, DateOnly? EffectiveFrom) : ICommand<Result<CompensationDto>>, ICompanyScoped
{
    /// <summary>Every other member: <c>payType</c> and the regime's terms.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    public sealed class Validator : AbstractValidator<AddCompensation>
    {
        public Validator() => RuleFor(x => x.EffectiveFrom).NotNull()
            .WithErrorCode(CompensationErrors.EffectiveFromRequired.Code).WithMessage(CompensationErrors.EffectiveFromRequired.Message);
    }

    public sealed class Handler(
        ICompanyQueries companies, IEmployeeRepository employees, ICompensationHistory history, RegimeParts<IPayRuns> regimes, IAuditTrail audit,
        TimeProvider clock) : ICommandHandler<AddCompensation, Result<CompensationDto>>
    {
        public async ValueTask<Result<CompensationDto>> Handle(AddCompensation command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (await employees.GetAsync(command.CompanyId, command.EmployeeId, cancellationToken) is null)
            {
                return EmployeeErrors.NotFound;
            }

            if (regimes.Find(company.Regime) is not { } regime)
            {
                return CompensationErrors.RegimeWithoutCompensation(company.Regime);
            }

            var terms = regime.ReadCompensation(new RegimeFields(command.Fields));
            if (!terms.IsSuccess)
            {
                return Result<CompensationDto>.Failure(terms.Errors);
            }

            var record = new StoredCompensation(
                command.EmployeeId, command.EffectiveFrom!.Value, terms.Value!.PayType, regime.Store(terms.Value), clock.GetUtcNow());
            var replaced = await history.SaveAsync(record, cancellationToken);
            var dto = CompensationReader.ToDto(record, regime);
            var details = new Dictionary<string, object?>
            {
                ["effectiveFrom"] = dto.EffectiveFrom,
                ["payType"] = dto.PayType,
                ["terms"] = dto.Terms,
            };
            if (replaced is not null)
            {
                details["replaced"] = CompensationReader.ToDto(replaced, regime).Terms;
                details["replacedPayType"] = replaced.PayType;
            }

            await audit.RecordAsync(
                new AuditEntry(AuditActions.CompensationRecorded, command.CompanyId, "employee", command.EmployeeId, details), cancellationToken);
            return dto;
        }
    }
}
