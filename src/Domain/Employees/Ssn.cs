using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Employees;

/// <summary>
/// A US Social Security number, held in memory only long enough to encrypt it. Accepts <c>NNN-NN-NNNN</c> or nine digits;
/// refuses area 000, 666 and 900-999, group 00 and serial 0000, which the SSA never issues.
/// <see cref="ToString"/> is masked so that an accidental log line cannot leak it.
/// </summary>
public sealed class Ssn
{
    private Ssn(string digits) => Digits = digits;

    /// <summary>The nine digits, without separators. Only encryption and the blind index may read this.</summary>
    public string Digits { get; }

    public string Last4 => Digits[5..];

    public string Masked => Mask(Last4);

    public static string Mask(string last4) => $"***-**-{last4}";

    public static Result<Ssn> Create(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return EmployeeErrors.SsnRequired;
        }

        var text = value.Trim();
        var digits = text.Length == 11 && text[3] == '-' && text[6] == '-' ? string.Concat(text.AsSpan(0, 3), text.AsSpan(4, 2), text.AsSpan(7, 4)) : text;
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return EmployeeErrors.SsnMalformed;
        }

        var area = int.Parse(digits.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (area is 0 or 666 or >= 900 || digits[3..5] == "00" || digits[5..] == "0000")
        {
            return EmployeeErrors.SsnNotIssuable;
        }

        return new Ssn(digits);
    }

    public override string ToString() => Masked;
}
