using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>A company's display name: 1 to 200 characters after trimming, none of them <see cref="UnsafeText"/>.</summary>
public sealed record CompanyName
{
    public const int MaxLength = 200;

    private CompanyName(string value) => Value = value;

    public string Value { get; }

    public static Result<CompanyName> Create(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return CompanyErrors.NameRequired;
        }

        if (trimmed.Length > MaxLength)
        {
            return CompanyErrors.NameTooLong;
        }

        if (UnsafeText.Contains(trimmed))
        {
            return CompanyErrors.NameUnsafe;
        }

        return new CompanyName(trimmed);
    }

    internal static CompanyName FromTrusted(string value) => new(value);

    public override string ToString() => Value;
}
