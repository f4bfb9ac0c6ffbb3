using System.Text.RegularExpressions;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>
/// A Korean business registration number (사업자등록번호) in its printed form, <c>###-##-#####</c>: the tax office (3 digits),
/// the kind of business (2), a serial number (4) and a check digit.
/// </summary>
public sealed partial record BusinessRegistrationNumber
{
    // The check digit: the first nine digits weighted 1,3,7,1,3,7,1,3,5, plus the tens of (ninth digit × 5), taken mod 10 and
    // subtracted from 10 (mod 10). The National Tax Service publishes no formula that we could find; this is the one every
    // Korean validator uses, e.g. python-stdnum's stdnum/kr/brn.py, whose structure source is the OECD's Korea TIN sheet
    // (https://www.oecd.org/tax/automatic-exchange/crs-implementation-and-assistance/tax-identification-numbers/Korea-TIN.pdf).
    private static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    private BusinessRegistrationNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<BusinessRegistrationNumber> Create(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!Pattern().IsMatch(trimmed))
        {
            return CompanyErrors.RegistrationNumberInvalid;
        }

        return HasValidCheckDigit(trimmed.Replace("-", string.Empty, StringComparison.Ordinal))
            ? new BusinessRegistrationNumber(trimmed)
            : CompanyErrors.RegistrationNumberCheckDigit;
    }

    internal static BusinessRegistrationNumber FromTrusted(string value) => new(value);

    public override string ToString() => Value;

    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        sum += (digits[8] - '0') * 5 / 10;
        return (10 - (sum % 10)) % 10 == digits[9] - '0';
    }

    // [0-9], not \d: \d also matches other scripts' digits, which the check digit cannot weigh.
    [GeneratedRegex("^[0-9]{3}-[0-9]{2}-[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
