using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Companies;

/// <summary>A partial update: absent fields are left alone, and an explicit null EIN clears it. The slug cannot change.</summary>
public sealed record UpdateCompany(Guid Id, Optional<string?> Name, Optional<string?> Ein, Optional<string?> Slug) : ICommand<Result<CompanyDto>>
{
    public sealed class Validator : AbstractValidator<UpdateCompany>
    {
        public Validator()
        {
            RuleFor(x => x.Name.Value).MustBeValid(CompanyName.Create, "name").When(x => x.Name.HasValue);
            RuleFor(x => x.Ein.Value!).MustBeValid(Domain.Companies.Ein.Create, "ein")
                .When(x => x.Ein is { HasValue: true, Value: not null });
        }
    }

    public sealed class Handler(ICompanyRepository companies, TimeProvider clock) : ICommandHandler<UpdateCompany, Result<CompanyDto>>
    {
        public async ValueTask<Result<CompanyDto>> Handle(UpdateCompany command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.Id, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (command.Slug.HasValue && command.Slug.Value != company.Slug.Value)
            {
                return CompanyErrors.SlugImmutable;
            }

            var now = clock.GetUtcNow();
            if (command.Name.HasValue)
            {
                company.Rename(CompanyName.Create(command.Name.Value).Value!, now);
            }

            if (command.Ein.HasValue)
            {
                company.ChangeEin(command.Ein.Value is null ? null : Domain.Companies.Ein.Create(command.Ein.Value).Value, now);
            }

            await companies.UpdateAsync(company, cancellationToken);
            return CompanyDto.From(company);
        }
    }
}
