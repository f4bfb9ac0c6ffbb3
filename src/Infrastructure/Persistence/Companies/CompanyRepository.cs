using Dapper;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Infrastructure.Persistence.Companies;

internal sealed class CompanyRepository(DbSession session) : ICompanyRepository
{
    public async Task<Company?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CompanyRow>(new CommandDefinition(
            $"SELECT {CompanyRow.Columns} FROM {CompanyRow.From} WHERE c.id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    public async Task<bool> TryAddAsync(Company company, CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING leaves a PostgreSQL transaction usable, unlike catching a unique violation.
        var connection = await session.ConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO companies (id, name, slug, ein, created_at, updated_at)
            VALUES (@Id, @Name, @Slug, @Ein, @CreatedAt, @UpdatedAt)
            ON CONFLICT (slug) DO NOTHING
            """,
            Parameters(company),
            session.Transaction,
            cancellationToken: cancellationToken));
        if (inserted != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO company_regimes (company_id, regime, currency) VALUES (@Id, @Regime, @Currency)",
            Parameters(company),
            session.Transaction,
            cancellationToken: cancellationToken));
        return true;
    }

    public async Task UpdateAsync(Company company, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE companies SET name = @Name, ein = @Ein, registration_number = @RegistrationNumber,
                address_line1 = @AddressLine1, address_line2 = @AddressLine2, address_city = @AddressCity, address_region = @AddressRegion,
                address_postal_code = @AddressPostalCode, address_country = @AddressCountry, updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            Parameters(company),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    private static object Parameters(Company company) => new
    {
        company.Id,
        Name = company.Name.Value,
        Slug = company.Slug.Value,
        Ein = company.Ein?.Value,
        company.CreatedAt,
        company.UpdatedAt,
        company.Regime,
        Currency = company.Currency.Code,
        RegistrationNumber = company.RegistrationNumber?.Value,
        AddressLine1 = company.Address?.Line1,
        AddressLine2 = company.Address?.Line2,
        AddressCity = company.Address?.City,
        AddressRegion = company.Address?.Region,
        AddressPostalCode = company.Address?.PostalCode,
        AddressCountry = company.Address?.Country,
    };
}
