using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Companies;

/// <param name="Regime">A registered withholding regime's code; <c>us-federal</c> when left out. Fixed once the company exists.</param>
/// <param name="Currency">The regime's currency (USD for us-federal, KRW for kr); it may be left out.</param>
[Requires(Access.Admin)]
public sealed record CreateCompany(string? Name, string? Slug, string? Ein, string? Regime = null, string? Currency = null) : ICommand<Result<CompanyDto>>
{
    public sealed class Validator : AbstractValidator<CreateCompany>
    {
        public Validator(WithholdingRegimeRegistry regimes)
        {
            RuleFor(x => x.Name).MustBeValid(CompanyName.Create);
            RuleFor(x => x.Slug).MustBeValid(CompanySlug.Create);
            RuleFor(x => x.Ein!).MustBeValid(Domain.Companies.Ein.Create).When(x => x.Ein is not null);
            RuleFor(x => x.Regime).Must(r => r is null || regimes.TryFind(r, out _)).WithErrorCode("company.regime_unknown")
                .WithMessage(_ => $"regime must be one of {string.Join(", ", regimes.Codes.Order(StringComparer.Ordinal))}.");
            RuleFor(x => x.Currency).Must((request, currency) => currency is null || string.Equals(currency, CurrencyOf(regimes, request.Regime), StringComparison.OrdinalIgnoreCase))
                .When(x => x.Regime is null || regimes.TryFind(x.Regime, out _))
                .WithErrorCode("company.currency_mismatch")
                .WithMessage(request => $"currency must be {CurrencyOf(regimes, request.Regime)}, the currency of the {request.Regime ?? Company.DefaultRegime} regime.");
        }
    }

    /// <summary>The regime decides the currency; the request may repeat it but not contradict it.</summary>
    private static string CurrencyOf(WithholdingRegimeRegistry regimes, string? regime) =>
        regimes.TryFind(regime ?? Company.DefaultRegime, out var found) ? found!.CurrencyCode : "USD";

    public sealed class Handler(ICompanyRepository companies, WithholdingRegimeRegistry regimes, IAuditTrail audit, TimeProvider clock)
        : ICommandHandler<CreateCompany, Result<CompanyDto>>
    {
        public async ValueTask<Result<CompanyDto>> Handle(CreateCompany command, CancellationToken cancellationToken)
        {
            var ein = command.Ein is null ? null : Domain.Companies.Ein.Create(command.Ein).Value;
            regimes.TryFind(command.Regime ?? Company.DefaultRegime, out var regime);
            var company = Company.Create(
                CompanyName.Create(command.Name).Value!,
                CompanySlug.Create(command.Slug).Value!,
                ein,
                regime!.Code,
                Domain.Common.Currency.FromCode(regime.CurrencyCode)!,
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
                    ["regime"] = company.Regime,
                    ["currency"] = company.Currency.Code,
                }),
                cancellationToken);
            return CompanyDto.From(company);
        }
    }
}
