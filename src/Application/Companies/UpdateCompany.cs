using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Companies;

/// <summary>
/// A partial update: absent fields are left alone, and an explicit null EIN, registration number or address clears it. An
/// address is replaced whole. The slug cannot change; regime and currency are not fields of this message at all.
/// </summary>
[Requires(Access.CompanyAdmin)]
public sealed record UpdateCompany(
    Guid Id, Optional<string?> Name, Optional<string?> Ein, Optional<string?> Slug,
    Optional<string?> RegistrationNumber = default, Optional<CompanyAddressDto?> Address = default) : ICommand<Result<CompanyDto>>, ICompanyScoped
{
    Guid ICompanyScoped.CompanyId => Id;

    public sealed class Validator : AbstractValidator<UpdateCompany>
    {
        public Validator()
        {
            RuleFor(x => x.Name.Value).MustBeValid(CompanyName.Create, "name").When(x => x.Name.HasValue);
            RuleFor(x => x.Ein.Value!).MustBeValid(Domain.Companies.Ein.Create, "ein")
                .When(x => x.Ein is { HasValue: true, Value: not null });
            RuleFor(x => x.RegistrationNumber.Value).MustBeValid(BusinessRegistrationNumber.Create, "registrationNumber")
                .When(x => x.RegistrationNumber is { HasValue: true, Value: not null });

            // Each address problem names its own field (address.city), so the form can show it beside that input.
            RuleFor(x => x.Address.Value!).Custom((address, context) =>
            {
                foreach (var error in address.ToAddress().Errors)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
                }
            }).When(x => x.Address is { HasValue: true, Value: not null });
        }
    }

    public sealed class Handler(ICompanyRepository companies, IAuditTrail audit, TimeProvider clock) : ICommandHandler<UpdateCompany, Result<CompanyDto>>
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
            var changed = new Dictionary<string, object?>();
            if (command.Name.HasValue)
            {
                company.Rename(CompanyName.Create(command.Name.Value).Value!, now);
                changed["name"] = company.Name.Value;
            }

            if (command.Ein.HasValue)
            {
                company.ChangeEin(command.Ein.Value is null ? null : Domain.Companies.Ein.Create(command.Ein.Value).Value, now);
                changed["ein"] = company.Ein?.Value;
            }

            if (command.RegistrationNumber.HasValue)
            {
                company.ChangeRegistrationNumber(
                    command.RegistrationNumber.Value is null ? null : BusinessRegistrationNumber.Create(command.RegistrationNumber.Value).Value, now);
                changed["registrationNumber"] = company.RegistrationNumber?.Value;
            }

            if (command.Address.HasValue)
            {
                company.Relocate(command.Address.Value?.ToAddress().Value, now);
                changed["address"] = CompanyAddressDto.From(company.Address);
            }

            await companies.UpdateAsync(company, cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.CompanyUpdated, company.Id, "company", company.Id, changed), cancellationToken);
            return CompanyDto.From(company);
        }
    }
}
