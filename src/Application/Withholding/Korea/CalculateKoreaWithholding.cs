using FluentValidation;
using FluentValidation.Results;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// Previews one month's kr deductions for an employee who need not exist: stateless, nothing stored. Property names mirror
/// the JSON request (<c>"regime": "kr"</c> on <c>POST /api/withholding/calculate</c>).
/// </summary>
/// <param name="PayMonth">"YYYY-MM", the premium month.</param>
/// <param name="PayDate">The withholding date; defaults to the first day of <paramref name="PayMonth"/>.</param>
/// <param name="WithholdingRatio">80, 100 (default) or 120.</param>
[Requires(Access.SignedIn)]
public sealed record CalculateKoreaWithholding(
    string? PayMonth,
    DateOnly? PayDate,
    decimal? MonthlyPay,
    KoreaNonTaxableDto? NonTaxable = null,
    int? Dependents = null,
    int? ChildrenAged8To20 = null,
    int? WithholdingRatio = null) : IQuery<Result<KoreaWithholdingResultDto>>
{
    public KoreaWithholdingInput? ToInput()
    {
        if (!KrwAmount.TryParseMonth(PayMonth, out var year, out var month) || MonthlyPay is null || Dependents is null
            || !KrwAmount.IsWholeKrw(MonthlyPay) || !KrwAmount.IsWholeKrw(NonTaxable?.Meals) || !KrwAmount.IsWholeKrw(NonTaxable?.CarAllowance)
            || !KrwAmount.IsWholeKrw(NonTaxable?.Childcare))
        {
            return null;
        }

        return new KoreaWithholdingInput(
            year,
            month,
            PayDate ?? new DateOnly(year, month, 1),
            KrwAmount.ToKrw(MonthlyPay),
            new KoreaNonTaxableAllowances(KrwAmount.ToKrw(NonTaxable?.Meals), KrwAmount.ToKrw(NonTaxable?.CarAllowance), KrwAmount.ToKrw(NonTaxable?.Childcare)),
            Dependents.Value,
            ChildrenAged8To20 ?? 0,
            WithholdingRatio ?? 100);
    }

    public sealed class Validator : AbstractValidator<CalculateKoreaWithholding>
    {
        public Validator(WithholdingRegimeRegistry regimes)
        {
            var regime = regimes.Get<KoreaRegime>(KoreaRegime.RegimeCode);
            RuleFor(x => x.PayMonth).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode("withholding.kr.pay_month_required").WithMessage("payMonth (YYYY-MM) is required.")
                .Must(m => KrwAmount.TryParseMonth(m, out _, out _)).WithErrorCode("withholding.kr.pay_month_invalid").WithMessage("payMonth must be YYYY-MM.");
            RuleFor(x => x.MonthlyPay).NotNull().WithErrorCode("withholding.kr.monthly_pay_required").WithMessage("monthlyPay is required.")
                .WholeKrw("monthlyPay");
            RuleFor(x => x.NonTaxable!.Meals).WholeKrw("nonTaxable.meals").When(x => x.NonTaxable is not null);
            RuleFor(x => x.NonTaxable!.CarAllowance).WholeKrw("nonTaxable.carAllowance").When(x => x.NonTaxable is not null);
            RuleFor(x => x.NonTaxable!.Childcare).WholeKrw("nonTaxable.childcare").When(x => x.NonTaxable is not null);
            RuleFor(x => x.Dependents).NotNull().WithErrorCode("withholding.kr.dependents_required")
                .WithMessage("dependents (공제대상가족 수, the employee included) is required.");

            // Ranges, the months and dates with figures, and cross-field rules live in the domain, so the API and the engine agree.
            RuleFor(x => x).Custom((request, context) =>
            {
                if (request.ToInput() is not { } input)
                {
                    return;
                }

                foreach (var error in regime.Validate(input) ?? [])
                {
                    context.AddFailure(new ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                }
            });
        }
    }

    public sealed class Handler(WithholdingRegimeRegistry regimes) : IQueryHandler<CalculateKoreaWithholding, Result<KoreaWithholdingResultDto>>
    {
        private static readonly Error Incomplete = Error.Validation(
            "withholding.kr.request_incomplete", "payMonth, monthlyPay and dependents are required, amounts in whole KRW.");

        public ValueTask<Result<KoreaWithholdingResultDto>> Handle(CalculateKoreaWithholding query, CancellationToken cancellationToken)
        {
            var result = query.ToInput() is { } input
                ? regimes.Get<KoreaRegime>(KoreaRegime.RegimeCode).Calculate(input).Map(KoreaWithholdingResultDto.From)
                : Incomplete;
            return ValueTask.FromResult(result);
        }
    }
}
