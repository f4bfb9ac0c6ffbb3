using System.Text;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Common;

/// <summary>Enums as the API spells them: snake_case out (<c>MarriedFilingJointly</c> is <c>married_filing_jointly</c>), lenient in.</summary>
public static class EnumText
{
    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>Case, underscores, hyphens and surrounding spaces are ignored: <c>Semi-Monthly</c> is <c>semimonthly</c>.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        var wanted = Normalise(value);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Normalise(candidate.ToString()), wanted, StringComparison.Ordinal))
            {
                parsed = candidate;
                return true;
            }
        }

        parsed = default;
        return false;
    }

    /// <summary>For a pay frequency the validator has already accepted.</summary>
    public static PayFrequency ParsePayFrequency(string? value) =>
        TryParse(value, out PayFrequency frequency) ? frequency : throw new ArgumentException($"Unvalidated pay frequency '{value}'.", nameof(value));

    private static string Normalise(string? value) =>
        value is null ? string.Empty : value.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToLowerInvariant();
}
