using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>
/// Records a person the company pays business income. The 주민등록번호 is validated as an employee's is (no check digit: numbers
/// issued since October 2020 have none), checked against the company's other payees through every key's blind index within the
/// caller's write budget (ADR 0012), and stored encrypted with only its last four digits in clear.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record CreateBusinessIncomePayee(
    Guid CompanyId, string? Name, string? ResidentRegistrationNumber, string? ResidentType, string? BusinessTypeCode, decimal? TreatyRate = null)
    : ICommand<Result<BusinessIncomePayeeDto>>, ICompanyScoped
{
    public const int MaxNameLength = 100;

    /// <summary>The highest treaty rate accepted, in percent: a treaty lowers the 20% of art. 156(1), never raises it.</summary>
    public const decimal MaxTreatyRate = 20m;

    public sealed class Validator : AbstractValidator<CreateBusinessIncomePayee>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaxNameLength).WithErrorCode("business_income.name_invalid")
                .WithMessage($"name must be 1 to {MaxNameLength} characters.")
                .Must(n => !UnsafeText.Contains(n)).WithErrorCode("business_income.name_invalid_characters").WithMessage("name " + UnsafeText.Message);
            RuleFor(x => x.ResidentRegistrationNumber).Custom((value, context) =>
            {
                if (Domain.Withholding.Korea.ResidentRegistrationNumber.Create(value) is { IsSuccess: false } invalid)
                {
                    var error = invalid.Errors[0];
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("residentRegistrationNumber", error.Message) { ErrorCode = error.Code });
                }
            });
            RuleFor(x => x.ResidentType).Must(t => BusinessIncomeText.TryParseResidentType(t, out _)).WithErrorCode("business_income.resident_type_invalid")
                .WithMessage("residentType must be \"resident\" or \"nonresident\".");
            RuleFor(x => x.BusinessTypeCode).Must(c => c is { Length: 6 } && c.All(char.IsAsciiDigit)).WithErrorCode("business_income.business_type_code_invalid")
                .WithMessage("businessTypeCode must be the six-digit 업종코드 (940909 for other personal services, for example).");
            RuleFor(x => x.TreatyRate).Cascade(CascadeMode.Stop)
                .Null().When(x => x.ResidentType != "nonresident").WithErrorCode("business_income.treaty_rate_nonresident_only")
                .WithMessage("treatyRate applies to a nonresident payee only.")
                .Must(r => r is null || (r >= 0 && r <= MaxTreatyRate && decimal.Round(r.Value, 2) == r.Value))
                .WithErrorCode("business_income.treaty_rate_invalid")
                .WithMessage($"treatyRate is a percentage from 0 to {MaxTreatyRate} with at most two decimals.");
        }
    }

    public sealed class Handler(
        BusinessIncomeCompanies companies, IBusinessIncomeStore store, IPiiProtector pii, NationalIdGuard guard, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreateBusinessIncomePayee, Result<BusinessIncomePayeeDto>>
    {
        public async ValueTask<Result<BusinessIncomePayeeDto>> Handle(CreateBusinessIncomePayee command, CancellationToken cancellationToken)
        {
            if (await companies.RefusalAsync(command.CompanyId, cancellationToken) is { } refused)
            {
                return refused;
            }

            var rrn = Domain.Withholding.Korea.ResidentRegistrationNumber.Create(command.ResidentRegistrationNumber).Value!;
            if (await guard.RefusalAsync(
                    command.CompanyId, rrn.Digits, null, BusinessIncomeErrors.RrnTaken,
                    (indexes, ct) => store.RrnExistsAsync(command.CompanyId, indexes, ct), cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            var residentType = BusinessIncomeText.ParseResidentType(command.ResidentType);
            var payee = new BusinessIncomePayee(
                Guid.NewGuid(), command.CompanyId, command.Name!.Trim(), rrn.Last4, residentType, command.BusinessTypeCode!,
                command.TreatyRate is { } rate ? (int)(rate * 100) : null, clock.Now());
            if (!await store.TryAddPayeeAsync(payee, new ProtectedSsn(pii.Protect(rrn.Digits), pii.BlindIndex(rrn.Digits), rrn.Last4), cancellationToken))
            {
                return BusinessIncomeErrors.RrnTaken;
            }

            // Like an employee's: never the number, not even its last four digits.
            await audit.RecordAsync(
                new AuditEntry(AuditActions.BusinessIncomePayeeCreated, payee.CompanyId, "business_income_payee", payee.Id, new Dictionary<string, object?>
                {
                    ["residentType"] = BusinessIncomeText.Of(payee.ResidentType),
                    ["businessTypeCode"] = payee.BusinessTypeCode,
                    ["treatyRate"] = command.TreatyRate,
                }),
                cancellationToken);
            return BusinessIncomePayeeDto.From(payee);
        }
    }
}
