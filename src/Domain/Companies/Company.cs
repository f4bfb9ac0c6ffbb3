using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>An employer. The slug is its stable, URL-safe handle and never changes once created.</summary>
public sealed class Company
{
    private Company(Guid id, CompanyName name, CompanySlug slug, Ein? ein, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        Name = name;
        Slug = slug;
        Ein = ein;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public CompanyName Name { get; private set; }

    public CompanySlug Slug { get; }

    public Ein? Ein { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Company Create(CompanyName name, CompanySlug slug, Ein? ein, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), name, slug, ein, now, now);

    /// <summary>Rebuilds a company from storage; values were validated when they were first written.</summary>
    public static Company Restore(Guid id, string name, string slug, string? ein, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, CompanyName.FromTrusted(name), CompanySlug.FromTrusted(slug), ein is null ? null : Companies.Ein.FromTrusted(ein), createdAt, updatedAt);

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
}
