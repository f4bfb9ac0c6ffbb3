using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Infrastructure.Persistence.Companies;

/// <summary>The shape of a <c>companies</c> row, as Dapper reads it.</summary>
internal sealed class CompanyRow
{
    public const string Columns =
        "c.id AS Id, c.name AS Name, c.slug AS Slug, c.ein AS Ein, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt, " +
        "COALESCE(r.regime, 'us-federal') AS Regime, COALESCE(r.currency, 'USD') AS Currency, c.registration_number AS RegistrationNumber, " +
        "c.address_line1 AS AddressLine1, c.address_line2 AS AddressLine2, c.address_city AS AddressCity, c.address_region AS AddressRegion, " +
        "c.address_postal_code AS AddressPostalCode, c.address_country AS AddressCountry";

    /// <summary>A company without a <c>company_regimes</c> row predates regimes and is us-federal in USD.</summary>
    public const string From = "companies c LEFT JOIN company_regimes r ON r.company_id = c.id";

    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Slug { get; init; } = string.Empty;

    public string? Ein { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string Regime { get; init; } = string.Empty;

    public string Currency { get; init; } = string.Empty;

    public string? RegistrationNumber { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? AddressCity { get; init; }

    public string? AddressRegion { get; init; }

    public string? AddressPostalCode { get; init; }

    public string? AddressCountry { get; init; }

    /// <summary>A stored address always has line 1 (the write checks it), so a null line 1 means no address.</summary>
    private CompanyAddress? Address => AddressLine1 is null
        ? null
        : new CompanyAddress(AddressLine1, AddressLine2, AddressCity ?? string.Empty, AddressRegion, AddressPostalCode, AddressCountry ?? string.Empty);

    public Company ToDomain() => Company.Restore(Id, Name, Slug, Ein, Regime, Currency, CreatedAt, UpdatedAt, RegistrationNumber, Address);

    public CompanyDto ToDto() => new(Id, Name, Slug, Ein, CreatedAt, UpdatedAt, Regime, Currency, RegistrationNumber, CompanyAddressDto.From(Address));
}
