using FluentValidation;
using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Withholding liability of approved payrolls for a quarter or a month (where the regime allows it, the whole year), by the
/// pay date. Without a year, the quarter of the latest approved pay date (the current quarter when there is none): what a
/// person opening the report wants to see first.
/// </summary>
[Requires(Access.Viewer)]
public sealed record GetWithholdingReport(Guid CompanyId, int? Year, int? Quarter, int? Month) : IQuery<Result<WithholdingReportDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<GetWithholdingReport>
    {
        public Validator()
        {
            RuleFor(x => x.Year).InclusiveBetween(1900, 2200).WithErrorCode("report.year_invalid").WithMessage("year must be 1900-2200.");
            RuleFor(x => x.Year).NotNull().When(x => x.Quarter is not null || x.Month is not null)
                .WithErrorCode("report.year_required").WithMessage("year is required with a quarter or a month.");
            RuleFor(x => x.Quarter).InclusiveBetween(1, 4).WithErrorCode("report.quarter_invalid").WithMessage("quarter must be 1 to 4.");
            RuleFor(x => x.Month).InclusiveBetween(1, 12).WithErrorCode("report.month_invalid").WithMessage("month must be 1 to 12.");
            RuleFor(x => x.Quarter).Must((x, q) => q is null || x.Month is null).WithErrorCode("report.period_required")
                .WithMessage(ReportErrors.PeriodRequired.Message);
        }
    }

    public sealed class Handler(ICompanyQueries companies, IPayrollQueries payrolls, RegimeParts<IWithholdingReports> regimes, TimeProvider clock)
        : IQueryHandler<GetWithholdingReport, Result<WithholdingReportDto>>
    {
        public async ValueTask<Result<WithholdingReportDto>> Handle(GetWithholdingReport query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (query.Year is null)
            {
                var latest = await payrolls.LatestApprovedPayDateAsync(query.CompanyId, cancellationToken)
                    ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                query = query with { Year = latest.Year, Quarter = ((latest.Month - 1) / 3) + 1 };
            }

            var reports = regimes.For(company.Regime);
            if (reports.CheckPeriod(query.Quarter, query.Month) is { } invalid)
            {
                return invalid;
            }

            int[] months = query.Quarter is { } quarter ? [(quarter * 3) - 2, (quarter * 3) - 1, quarter * 3]
                : query.Month is { } month ? [month]
                : [.. Enumerable.Range(1, 12)];
            var members = new RegimeMembers();
            await reports.DescribeAsync(query.CompanyId, query.Year!.Value, months, members, cancellationToken);
            var employees = await payrolls.EmployeesPaidAsync(query.CompanyId, query.Year.Value, months, cancellationToken);
            return new WithholdingReportDto(query.CompanyId, query.Year.Value, query.Quarter, query.Month, employees, company.Regime, company.Currency)
            {
                RegimeMembers = members,
            };
        }
    }
}
