using System.Text.RegularExpressions;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>A company's URL-safe handle: 3 to 63 lowercase letters, digits and single hyphens between them.</summary>
public sealed partial record CompanySlug
{
    private CompanySlug(string value) => Value = value;

    public string Value { get; }

    public static Result<CompanySlug> Create(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return CompanyErrors.SlugRequired;
        }

        if (value.Length is < 3 or > 63 || !Pattern().IsMatch(value))
        {
            return CompanyErrors.SlugInvalid;
        }

        return new CompanySlug(value);
    }

    internal static CompanySlug FromTrusted(string value) => new(value);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
