using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Companies;

[Requires(Access.Admin)]
public sealed record CreateCompany(string? Name, string? Slug, string? Ein) : ICommand<Result<CompanyDto>>
{
    public sealed class Validator : AbstractValidator<CreateCompany>
    {
        public Validator()
        {
            RuleFor(x => x.Name).MustBeValid(CompanyName.Create);
            RuleFor(x => x.Slug).MustBeValid(CompanySlug.Create);
            RuleFor(x => x.Ein!).MustBeValid(Domain.Companies.Ein.Create).When(x => x.Ein is not null);
        }
    }

    public sealed class Handler(ICompanyRepository companies, IAuditTrail audit, TimeProvider clock) : ICommandHandler<CreateCompany, Result<CompanyDto>>
    {
        public async ValueTask<Result<CompanyDto>> Handle(CreateCompany command, CancellationToken cancellationToken)
        {
            var ein = command.Ein is null ? null : Domain.Companies.Ein.Create(command.Ein).Value;
            var company = Company.Create(
                CompanyName.Create(command.Name).Value!,
                CompanySlug.Create(command.Slug).Value!,
                ein,
                clock.GetUtcNow());

            if (!await companies.TryAddAsync(company, cancellationToken))
            {
                return CompanyErrors.SlugTaken(company.Slug.Value);
            }

            await audit.RecordAsync(
                new AuditEntry(AuditActions.CompanyCreated, company.Id, "company", company.Id, new Dictionary<string, object?>
                {
                    ["name"] = company.Name.Value,
                    ["slug"] = company.Slug.Value,
                    ["ein"] = company.Ein?.Value,
                }),
                cancellationToken);
            return CompanyDto.From(company);
        }
    }
}
