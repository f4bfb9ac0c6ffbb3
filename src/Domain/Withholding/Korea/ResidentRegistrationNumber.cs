using System.Globalization;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// A 주민등록번호, held in memory only long enough to encrypt it, exactly like the SSN. Accepts <c>YYMMDD-NNNNNNN</c> or
/// thirteen digits whose first six are a date that exists in the century the seventh digit names (9/0: 1800s, 1/2/5/6:
/// 1900s, 3/4/7/8: 2000s). No check digit is verified: numbers issued since October 2020 have none.
/// <see cref="ToString"/> is masked so that an accidental log line cannot leak it.
/// </summary>
public sealed class ResidentRegistrationNumber
{
    private ResidentRegistrationNumber(string digits) => Digits = digits;

    /// <summary>The thirteen digits, without the hyphen. Only encryption and the blind index may read this.</summary>
    public string Digits { get; }

    public string Last4 => Digits[9..];

    public string Masked => Mask(Last4);

    public static string Mask(string last4) => $"******-***{last4}";

    public static Result<ResidentRegistrationNumber> Create(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Error.Validation("employee.rrn_required", "residentRegistrationNumber (주민등록번호) is required.", "residentRegistrationNumber");
        }

        var text = value.Trim();
        var digits = text.Length == 14 && text[6] == '-' ? string.Concat(text.AsSpan(0, 6), text.AsSpan(7)) : text;
        if (digits.Length != 13 || !digits.All(char.IsAsciiDigit))
        {
            return Error.Validation(
                "employee.rrn_malformed", "residentRegistrationNumber must be YYMMDD-NNNNNNN (13 digits).", "residentRegistrationNumber");
        }

        var century = digits[6] switch
        {
            '9' or '0' => 1800,
            '1' or '2' or '5' or '6' => 1900,
            _ => 2000,
        };
        var year = century + int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Error.Validation(
                "employee.rrn_date_invalid", "residentRegistrationNumber must begin with a birth date that exists (YYMMDD).", "residentRegistrationNumber");
        }

        return new ResidentRegistrationNumber(digits);
    }

    public override string ToString() => Masked;
}
