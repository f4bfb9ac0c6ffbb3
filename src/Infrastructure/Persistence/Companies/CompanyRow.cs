using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Infrastructure.Persistence.Companies;

/// <summary>The shape of a <c>companies</c> row, as Dapper reads it.</summary>
internal sealed class CompanyRow
{
    public const string Columns = "id AS Id, name AS Name, slug AS Slug, ein AS Ein, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Slug { get; init; } = string.Empty;

    public string? Ein { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Company ToDomain() => Company.Restore(Id, Name, Slug, Ein, CreatedAt, UpdatedAt);

    public CompanyDto ToDto() => new(Id, Name, Slug, Ein, CreatedAt, UpdatedAt);
}
