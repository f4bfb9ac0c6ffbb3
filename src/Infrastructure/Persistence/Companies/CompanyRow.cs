using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Infrastructure.Persistence.Companies;

/// <summary>The shape of a <c>companies</c> row, as Dapper reads it.</summary>
internal sealed class CompanyRow
{
    public const string Columns =
        "c.id AS Id, c.name AS Name, c.slug AS Slug, c.ein AS Ein, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt, " +
        "COALESCE(r.regime, 'us-federal') AS Regime, COALESCE(r.currency, 'USD') AS Currency";

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

    public Company ToDomain() => Company.Restore(Id, Name, Slug, Ein, Regime, Currency, CreatedAt, UpdatedAt);

    public CompanyDto ToDto() => new(Id, Name, Slug, Ein, CreatedAt, UpdatedAt, Regime, Currency);
}
