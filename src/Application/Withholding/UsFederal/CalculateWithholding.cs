using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// Previews one pay period's US federal withholding for an employee who need not exist yet: stateless, nothing stored.
/// Property names mirror the JSON request, so validation errors name fields as the client sent them (e.g. <c>w4.filingStatus</c>).
/// </summary>
/// <param name="Exempt">Also accepted inside <see cref="W4"/>; either one makes the employee exempt.</param>
/// <param name="PayDate">Required with <paramref name="State"/>: it picks the state edition in force, and must fall in the tax year.</param>
/// <param name="State">The optional state certificate and per-period figures (<see cref="StateRequest"/>), kept as JSON so unknown members are named.</param>
[Requires(Access.SignedIn)]
public sealed record CalculateWithholding(
    int? TaxYear,
    string? PayFrequency,
    decimal? GrossWages,
    decimal? SupplementalWages = null,
    WithholdingPreTaxDeductions? PreTaxDeductions = null,
    WithholdingW4? W4 = null,
    WithholdingYearToDate? Ytd = null,
    bool? Exempt = null,
    DateOnly? PayDate = null,
    JsonElement? State = null) : IQuery<Result<WithholdingResultDto>>
{
    public sealed class Validator : AbstractValidator<CalculateWithholding>
    {
        public Validator(WithholdingRegimeRegistry regimes, StateWithholdingEngine states)
        {
            var regime = regimes.Get<UsFederalRegime>(UsFederalRegime.RegimeCode);

            RuleFor(x => x.TaxYear).Cascade(CascadeMode.Stop)
                .NotNull().WithErrorCode("withholding.tax_year_required").WithMessage("Tax year is required.")
                .Must(year => regime.HasTaxYear(year!.Value)).WithErrorCode("withholding.tax_year_unavailable")
                .WithMessage(x => UsFederalErrors.TaxYearUnavailable(x.TaxYear!.Value, regime.TaxYears).Message);

            RuleFor(x => x.PayFrequency).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode("withholding.pay_frequency_required").WithMessage("Pay frequency is required.")
                .Must(f => WithholdingInputParser.TryParsePayFrequency(f, out _)).WithErrorCode(UsFederalErrors.PayFrequencyUnknown.Code)
                .WithMessage(UsFederalErrors.PayFrequencyUnknown.Message);

            RuleFor(x => x.GrossWages).NotNull().WithErrorCode("withholding.gross_wages_required").WithMessage("Gross wages are required.");

            RuleFor(x => x.W4).NotNull().WithErrorCode(UsFederalErrors.W4Required.Code).WithMessage(UsFederalErrors.W4Required.Message);
            When(x => x.W4 is not null, () =>
            {
                RuleFor(x => x.W4!.Version)
                    .Must(v => WithholdingInputParser.TryParseRevision(v, out _)).WithErrorCode("withholding.w4_version_unknown")
                    .WithMessage("W-4 version must be \"2020\" (a form from 2020 or later) or \"2019\" (a form from 2019 or earlier).");
                RuleFor(x => x.W4!.FilingStatus)
                    .Must(s => WithholdingInputParser.TryParseFilingStatus(s, out _)).WithErrorCode(UsFederalErrors.FilingStatusUnknown.Code)
                    .WithMessage(UsFederalErrors.FilingStatusUnknown.Message)
                    .When(x => IsRevision(x.W4!, FormW4Revision.From2020));
                RuleFor(x => x.W4!.MaritalStatus)
                    .Must(s => WithholdingInputParser.TryParseMaritalStatus(s, out _)).WithErrorCode(UsFederalErrors.MaritalStatusUnknown.Code)
                    .WithMessage(UsFederalErrors.MaritalStatusUnknown.Message)
                    .When(x => IsRevision(x.W4!, FormW4Revision.Before2020));
            });

            // The decimal places follow the one rule of every money input (payroll lines too); sign and size are the domain's.
            RuleFor(x => x.GrossWages).AtMostTwoDecimals();
            RuleFor(x => x.SupplementalWages).AtMostTwoDecimals();
            RuleFor(x => x.PreTaxDeductions!.Retirement).AtMostTwoDecimals().When(x => x.PreTaxDeductions is not null);
            RuleFor(x => x.PreTaxDeductions!.Cafeteria).AtMostTwoDecimals().When(x => x.PreTaxDeductions is not null);
            RuleFor(x => x.PreTaxDeductions!.Hsa).AtMostTwoDecimals().When(x => x.PreTaxDeductions is not null);
            RuleFor(x => x.W4!.Step3Dependents).AtMostTwoDecimals().When(x => x.W4 is not null);
            RuleFor(x => x.W4!.Step4aOtherIncome).AtMostTwoDecimals().When(x => x.W4 is not null);
            RuleFor(x => x.W4!.Step4bDeductions).AtMostTwoDecimals().When(x => x.W4 is not null);
            RuleFor(x => x.W4!.Step4cExtraWithholding).AtMostTwoDecimals().When(x => x.W4 is not null);
            RuleFor(x => x.W4!.ExtraWithholding).AtMostTwoDecimals().When(x => x.W4 is not null);
            RuleFor(x => x.Ytd!.SocialSecurityWages).AtMostTwoDecimals().When(x => x.Ytd is not null);
            RuleFor(x => x.Ytd!.MedicareWages).AtMostTwoDecimals().When(x => x.Ytd is not null);
            RuleFor(x => x.Ytd!.SupplementalWages).AtMostTwoDecimals().When(x => x.Ytd is not null);

            When(x => x.State is { ValueKind: not JsonValueKind.Null }, () =>
            {
                RuleFor(x => x.PayDate).Cascade(CascadeMode.Stop)
                    .NotNull().WithErrorCode("withholding.pay_date_required").WithMessage("payDate is required with state: it picks the state's edition.")
                    .Must((request, date) => request.TaxYear is not { } year || date!.Value.Year == year).WithErrorCode("withholding.pay_date_outside_tax_year")
                    .WithMessage("payDate must fall in taxYear.");

                // The state's rules are the domain's (StateWithholdingEngine), so a payroll line and this preview agree.
                RuleFor(x => x).Custom((request, context) =>
                {
                    foreach (var error in StateCalculation.Validate(request, states))
                    {
                        context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                    }
                });
            });

            // Amount ranges and cross-field rules live in the domain, so the API and the engine cannot disagree.
            RuleFor(x => x).Custom((request, context) =>
            {
                var input = WithholdingInputParser.ToInputForAmountChecks(request, regime.TaxYears[0]);
                foreach (var error in regime.Validate(input) ?? [])
                {
                    if (error.Field is not ("taxYear" or "payFrequency" or "w4.filingStatus" or "w4.maritalStatus"))
                    {
                        context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                    }
                }
            });
        }

        private static bool IsRevision(WithholdingW4 w4, FormW4Revision revision) =>
            WithholdingInputParser.TryParseRevision(w4.Version, out var parsed) && parsed == revision;
    }

    public sealed class Handler(WithholdingRegimeRegistry regimes, StateWithholdingEngine states) : IQueryHandler<CalculateWithholding, Result<WithholdingResultDto>>
    {
        private static readonly Error Incomplete = Error.Validation(
            "withholding.request_incomplete",
            "Tax year, pay frequency, gross wages and a Form W-4 with a known version and status are required.");

        public ValueTask<Result<WithholdingResultDto>> Handle(CalculateWithholding query, CancellationToken cancellationToken)
        {
            if (WithholdingInputParser.ToInput(query) is not { } input)
            {
                return ValueTask.FromResult<Result<WithholdingResultDto>>(Incomplete);
            }

            var result = regimes.Get<UsFederalRegime>(UsFederalRegime.RegimeCode).Calculate(input);
            if (!result.IsSuccess || query.State is not { ValueKind: not JsonValueKind.Null } || query.PayDate is not { } payDate)
            {
                return ValueTask.FromResult(result.Map(WithholdingResultDto.From));
            }

            var state = StateCalculation.Calculate(query, input, payDate, result.Value!, states);
            return ValueTask.FromResult(state.IsSuccess
                ? Result<WithholdingResultDto>.Success(WithholdingResultDto.From(result.Value!) with { StateIncomeTax = state.Value!.IncomeTax, State = StateResultDto.From(state.Value) })
                : Result<WithholdingResultDto>.Failure(state.Errors));
        }
    }
}
