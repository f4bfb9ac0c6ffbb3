namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// The lines of Publication 15-T Worksheet 1A at full precision, so a payroll clerk can follow the arithmetic.
/// Only line 4b's total is rounded, in <see cref="UsFederalWithholding.FederalIncomeTax"/>. A value type with
/// fixed fields, so a calculation allocates nothing beyond its result.
/// </summary>
public readonly record struct UsWorksheetTrace
{
    public FormW4Revision Revision { get; init; }

    public bool Exempt { get; init; }

    public decimal Line1a { get; init; }

    public decimal Line1b { get; init; }

    public decimal Line1c { get; init; }

    public decimal Line1d { get; init; }

    public decimal Line1e { get; init; }

    public decimal Line1f { get; init; }

    public decimal Line1g { get; init; }

    public decimal Line1h { get; init; }

    public decimal Line1i { get; init; }

    public decimal Line1j { get; init; }

    public decimal Line1k { get; init; }

    public decimal Line1l { get; init; }

    public decimal Line2a { get; init; }

    public decimal Line2b { get; init; }

    public decimal Line2c { get; init; }

    public decimal Line2d { get; init; }

    public decimal Line2e { get; init; }

    public decimal Line2f { get; init; }

    public decimal Line2g { get; init; }

    public decimal Line2h { get; init; }

    public decimal Line3a { get; init; }

    public decimal Line3b { get; init; }

    public decimal Line3c { get; init; }

    public decimal Line4a { get; init; }

    public decimal Line4b { get; init; }

    /// <summary>Supplemental wages withheld at the optional flat rate (the year's first 1,000,000).</summary>
    public decimal SupplementalFlatRateWages { get; init; }

    /// <summary>Supplemental wages past the year's 1,000,000, withheld at the mandatory rate whatever the Form W-4 says.</summary>
    public decimal SupplementalMandatoryRateWages { get; init; }

    public decimal SupplementalIncomeTax { get; init; }

    /// <summary>
    /// The lines that apply to this form revision, labelled as on the worksheet ("1a" ... "4b"), then the supplemental lines.
    /// An exempt employee's worksheet stops at line 1c.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> Lines()
    {
        var lines = new List<KeyValuePair<string, decimal>>(31)
        {
            new("1a", Line1a),
            new("1b", Line1b),
            new("1c", Line1c),
        };

        if (!Exempt)
        {
            if (Revision == FormW4Revision.From2020)
            {
                lines.Add(new("1d", Line1d));
                lines.Add(new("1e", Line1e));
                lines.Add(new("1f", Line1f));
                lines.Add(new("1g", Line1g));
                lines.Add(new("1h", Line1h));
                lines.Add(new("1i", Line1i));
            }
            else
            {
                lines.Add(new("1j", Line1j));
                lines.Add(new("1k", Line1k));
                lines.Add(new("1l", Line1l));
            }

            lines.Add(new("2a", Line2a));
            lines.Add(new("2b", Line2b));
            lines.Add(new("2c", Line2c));
            lines.Add(new("2d", Line2d));
            lines.Add(new("2e", Line2e));
            lines.Add(new("2f", Line2f));
            lines.Add(new("2g", Line2g));
            lines.Add(new("2h", Line2h));
            lines.Add(new("3a", Line3a));
            lines.Add(new("3b", Line3b));
            lines.Add(new("3c", Line3c));
            lines.Add(new("4a", Line4a));
        }

        lines.Add(new("4b", Line4b));
        lines.Add(new("supplementalFlatRateWages", SupplementalFlatRateWages));
        lines.Add(new("supplementalMandatoryRateWages", SupplementalMandatoryRateWages));
        lines.Add(new("supplementalIncomeTax", SupplementalIncomeTax));
        return lines;
    }
}
