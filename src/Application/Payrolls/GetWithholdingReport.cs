using FluentValidation;
using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

/// <summary>Withholding liability of approved payrolls for a quarter or a month (a kr company also the whole year), by the pay date.</summary>
[Requires(Access.Viewer)]
public sealed record GetWithholdingReport(Guid CompanyId, int? Year, int? Quarter, int? Month) : IQuery<Result<WithholdingReportDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<GetWithholdingReport>
    {
        public Validator()
        {
            RuleFor(x => x.Year).NotNull().InclusiveBetween(1900, 2200).WithErrorCode("report.year_required").WithMessage("year is required (1900-2200).");
            RuleFor(x => x.Quarter).InclusiveBetween(1, 4).WithErrorCode("report.quarter_invalid").WithMessage("quarter must be 1 to 4.");
            RuleFor(x => x.Month).InclusiveBetween(1, 12).WithErrorCode("report.month_invalid").WithMessage("month must be 1 to 12.");
            RuleFor(x => x.Quarter).Must((x, q) => q is null || x.Month is null).WithErrorCode("report.period_required")
                .WithMessage(PeriodRequired.Message);
        }
    }

    private static readonly Error PeriodRequired = Error.Validation("report.period_required", "Give either quarter or month, not both.", "quarter");

    public sealed class Handler(ICompanyQueries companies, IPayrollQueries payrolls) : IQueryHandler<GetWithholdingReport, Result<WithholdingReportDto>>
    {
        public async ValueTask<Result<WithholdingReportDto>> Handle(GetWithholdingReport query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            var isKorea = company.Regime == KoreaRegime.RegimeCode;
            if (!isKorea && query.Quarter is null && query.Month is null)
            {
                return PeriodRequired;
            }

            int[] months = query.Quarter is { } quarter ? [(quarter * 3) - 2, (quarter * 3) - 1, quarter * 3]
                : query.Month is { } month ? [month]
                : [.. Enumerable.Range(1, 12)];
            if (isKorea)
            {
                var kr = (await payrolls.KoreaWithholdingByMonthAsync(query.CompanyId, query.Year!.Value, months, cancellationToken)).ToDictionary(m => m.Month);
                var krMonths = months.Select(m => kr.GetValueOrDefault(m) ?? KoreaWithholdingMonthDto.Empty(m)).ToArray();
                var paid = await payrolls.EmployeesPaidAsync(query.CompanyId, query.Year.Value, months, cancellationToken);
                var zero = months.Select(m => new WithholdingMonthDto(m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, krMonths.First(k => k.Month == m).PayrollCount)).ToArray();
                return new WithholdingReportDto(
                    query.CompanyId, query.Year.Value, query.Quarter, query.Month, paid, new WithholdingMonthDto(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, zero.Sum(z => z.PayrollCount)),
                    zero, KoreaRegime.RegimeCode, company.Currency, new KoreaWithholdingReportDto(KoreaWithholdingMonthDto.Sum(krMonths), krMonths));
            }

            var found = (await payrolls.WithholdingByMonthAsync(query.CompanyId, query.Year!.Value, months, cancellationToken)).ToDictionary(m => m.Month);
            var byMonth = months.Select(m => found.GetValueOrDefault(m) ?? new WithholdingMonthDto(m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).ToArray();
            var totals = new WithholdingMonthDto(
                0,
                byMonth.Sum(m => m.Wages),
                byMonth.Sum(m => m.FederalIncomeTaxWages),
                byMonth.Sum(m => m.FederalIncomeTax),
                byMonth.Sum(m => m.SocialSecurityWages),
                byMonth.Sum(m => m.SocialSecurityEmployee),
                byMonth.Sum(m => m.SocialSecurityEmployer),
                byMonth.Sum(m => m.MedicareWages),
                byMonth.Sum(m => m.MedicareEmployee),
                byMonth.Sum(m => m.MedicareEmployer),
                byMonth.Sum(m => m.AdditionalMedicare),
                byMonth.Sum(m => m.TotalLiability),
                byMonth.Sum(m => m.PayrollCount));
            var employees = await payrolls.EmployeesPaidAsync(query.CompanyId, query.Year.Value, months, cancellationToken);
            return new WithholdingReportDto(query.CompanyId, query.Year.Value, query.Quarter, query.Month, employees, totals, byMonth);
        }
    }
}
