using System.Text.RegularExpressions;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>
/// The company's postal address, as payslips print it. Line 1, city and country are required; the country is an ISO 3166-1
/// alpha-2 code (<c>US</c>, <c>KR</c>). Region is the state or province (a US state's two letters, a Korean 시·도).
/// </summary>
public sealed partial record CompanyAddress(string Line1, string? Line2, string City, string? Region, string? PostalCode, string Country)
{
    public const int MaxLineLength = 200;
    public const int MaxPostalCodeLength = 20;

    /// <summary>Every problem at once, each naming its field under <c>address</c>.</summary>
    public static Result<CompanyAddress> Create(string? line1, string? line2, string? city, string? region, string? postalCode, string? country)
    {
        var errors = new List<Error>();
        var cleanLine1 = Required(line1, "line1", errors);
        var cleanLine2 = Optional(line2, "line2", MaxLineLength, errors);
        var cleanCity = Required(city, "city", errors);
        var cleanRegion = Optional(region, "region", MaxLineLength, errors);
        var cleanPostalCode = Optional(postalCode, "postalCode", MaxPostalCodeLength, errors);
        var cleanCountry = country?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CountryPattern().IsMatch(cleanCountry))
        {
            errors.Add(CompanyErrors.AddressCountryInvalid);
        }

        return errors.Count > 0
            ? Result<CompanyAddress>.Failure(errors)
            : new CompanyAddress(cleanLine1!, cleanLine2, cleanCity!, cleanRegion, cleanPostalCode, cleanCountry);
    }

    private static string? Required(string? value, string field, List<Error> errors)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add(CompanyErrors.AddressFieldRequired(field));
            return null;
        }

        return Optional(trimmed, field, MaxLineLength, errors);
    }

    /// <summary>Blank is left out (null), so a cleared line 2 does not print as an empty line.</summary>
    private static string? Optional(string? value, string field, int maxLength, List<Error> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(CompanyErrors.AddressFieldTooLong(field, maxLength));
        }
        else if (UnsafeText.Contains(trimmed))
        {
            errors.Add(CompanyErrors.AddressFieldUnsafe(field));
        }

        return trimmed;
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
