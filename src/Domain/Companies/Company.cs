using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>An employer. The slug is its stable, URL-safe handle and never changes once created.</summary>
public sealed class Company
{
    /// <summary>The regime of companies created before regimes were selectable, and of any created without one.</summary>
    public const string DefaultRegime = "us-federal";

    private Company(Guid id, CompanyName name, CompanySlug slug, Ein? ein, string regime, Currency currency, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Ein = ein;
        Regime = regime;
        Currency = currency;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public CompanyName Name { get; private set; }

    public CompanySlug Slug { get; }

    public Ein? Ein { get; private set; }

    /// <summary>The withholding regime's code (<c>us-federal</c>, <c>kr</c>): it decides the employee profile, the payroll inputs and the withholdings. Fixed at creation.</summary>
    public string Regime { get; }

    /// <summary>The currency the company pays in, the regime's; fixed at creation.</summary>
    public Currency Currency { get; }

    /// <summary>The Korean business registration number (사업자등록번호), if the company has one.</summary>
    public BusinessRegistrationNumber? RegistrationNumber { get; private set; }

    /// <summary>Where the company is, as its payslips print it.</summary>
    public CompanyAddress? Address { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Company Create(CompanyName name, CompanySlug slug, Ein? ein, DateTimeOffset now) =>
        Create(name, slug, ein, DefaultRegime, Currency.Usd, now);

    public static Company Create(CompanyName name, CompanySlug slug, Ein? ein, string regime, Currency currency, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), name, slug, ein, regime, currency, now, now);

    /// <summary>Rebuilds a company from storage; values were validated when they were first written.</summary>
    public static Company Restore(
        Guid id, string name, string slug, string? ein, string regime, string currency, DateTimeOffset createdAt, DateTimeOffset updatedAt,
        string? registrationNumber = null, CompanyAddress? address = null) =>
        new(id, CompanyName.FromTrusted(name), CompanySlug.FromTrusted(slug), ein is null ? null : Companies.Ein.FromTrusted(ein), regime,
            Currency.FromCode(currency) ?? throw new InvalidOperationException($"Unknown stored currency '{currency}'."), createdAt, updatedAt)
        {
            RegistrationNumber = registrationNumber is null ? null : BusinessRegistrationNumber.FromTrusted(registrationNumber),
            Address = address,
        };

    public void Rename(CompanyName name, DateTimeOffset now)
    {
        Name = name;
        UpdatedAt = now;
    }

    public void ChangeEin(Ein? ein, DateTimeOffset now)
    {
        Ein = ein;
        UpdatedAt = now;
    }

    public void ChangeRegistrationNumber(BusinessRegistrationNumber? registrationNumber, DateTimeOffset now)
    {
        RegistrationNumber = registrationNumber;
        UpdatedAt = now;
    }

    public void Relocate(CompanyAddress? address, DateTimeOffset now)
    {
        Address = address;
        UpdatedAt = now;
    }
}
