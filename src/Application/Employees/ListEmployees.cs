using PayrollPortal.Application.Regimes;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Employees;

/// <param name="Q">Case-insensitive fragment of the first or last name.</param>
[Requires(Access.Viewer)]
public sealed record ListEmployees(Guid CompanyId, int Limit = PageLimits.Default, string? Cursor = null, string? Q = null)
    : IQuery<Result<Page<EmployeeDto>>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<ListEmployees>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidPageLimit();
            RuleFor(x => x.Cursor).ValidCursor();
            RuleFor(x => x.Q).MaximumLength(100).WithErrorCode("employee.query_too_long");
        }
    }

    public sealed class Handler(ICompanyQueries companies, IEmployeeQueries employees, RegimeParts<IEmployeeProfiles> regimes) : IQueryHandler<ListEmployees, Result<Page<EmployeeDto>>>
    {
        public async ValueTask<Result<Page<EmployeeDto>>> Handle(ListEmployees query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            var after = KeysetCursor.DecodeOrNull(query.Cursor);
            var q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
            var rows = await employees.ListAsync(query.CompanyId, q, after, query.Limit + 1, cancellationToken);
            var regime = regimes.For(company.Regime);
            return Page<EmployeeDto>.FromOverfetch([.. rows.Select(e => EmployeeDto.From(e, regime))], query.Limit, row => new KeysetCursor(row.CreatedAt, row.Id));
        }
    }
}
