using PayrollPortal.Application.Common;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Computes lines exactly as posting them would (each employee's profile or W-4 in effect on the pay date, year-to-date
/// from approved payrolls, the company's regime) and stores nothing. The portal's payroll grids show these figures live,
/// so what a user sees before saving is what the saved draft holds.
/// </summary>
/// <param name="PeriodStart">Optional: only used to refuse employees terminated before the period; defaults to the pay date.</param>
[Requires(Access.Viewer)]
public sealed record PreviewPayroll(
    Guid CompanyId,
    DateOnly? PeriodStart,
    DateOnly? PayDate,
    string? PayFrequency,
    IReadOnlyList<PayrollLineRequest>? Lines) : IQuery<Result<PayrollPreviewDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<PreviewPayroll>
    {
        public Validator()
        {
            RuleFor(x => x.PayDate).NotNull().WithErrorCode("payroll.pay_date_required").WithMessage("payDate is required.");
            RuleFor(x => x.PeriodStart).LessThanOrEqualTo(x => x.PayDate).When(x => x.PeriodStart is not null && x.PayDate is not null)
                .WithErrorCode("payroll.period_start_after_pay_date").WithMessage("periodStart must not be after payDate.");
            RuleFor(x => x.PayFrequency).KnownPayFrequency();
            this.ValidLines(x => x.Lines);
        }
    }

    public sealed class Handler(ICompanyQueries companies, PayrollCalculator calculator, RegimeParts<IPayrollLines> regimes) : IQueryHandler<PreviewPayroll, Result<PayrollPreviewDto>>
    {
        public async ValueTask<Result<PayrollPreviewDto>> Handle(PreviewPayroll query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            var payDate = query.PayDate!.Value;
            var lines = await calculator.ComputeAsync(
                company.Regime, query.CompanyId, Guid.Empty, query.PeriodStart ?? payDate, null, payDate, EnumText.ParsePayFrequency(query.PayFrequency),
                query.Lines!, cancellationToken);
            if (!lines.IsSuccess)
            {
                return Result<PayrollPreviewDto>.Failure(lines.Errors);
            }

            var regime = regimes.For(company.Regime);
            var members = new RegimeMembers();
            return new PayrollPreviewDto(
                company.Regime,
                regime.Currency.Code,
                PayrollTotalsDto.From(lines.Value!, regime, members),
                [.. lines.Value!.Select(l => PayrollLineDto.From(l, regime))])
            {
                RegimeMembers = members,
            };
        }
    }
}
