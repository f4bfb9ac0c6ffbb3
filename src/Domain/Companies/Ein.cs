using System.Text.RegularExpressions;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

/// <summary>A US Employer Identification Number in its printed form, <c>NN-NNNNNNN</c>.</summary>
public sealed partial record Ein
{
    private Ein(string value) => Value = value;

    public string Value { get; }

    public static Result<Ein> Create(string value) =>
        Pattern().IsMatch(value) ? new Ein(value) : CompanyErrors.EinInvalid;

    internal static Ein FromTrusted(string value) => new(value);

    public override string ToString() => Value;

    [GeneratedRegex(@"^\d{2}-\d{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
