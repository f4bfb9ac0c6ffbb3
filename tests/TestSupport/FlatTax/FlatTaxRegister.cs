using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Regimes;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>The register in the order the core's JSON line storage reads amounts: gross, bonus, taxes, post-tax, net.</summary>
public sealed class FlatTaxRegister : IRegisterColumnsSource
{
    public static readonly string[] Money = ["Gross wages", "Bonus", "Income tax", "Post-tax deductions", "Net pay"];

    public string Regime => FlatTaxRegime.RegimeCode;

    public RegisterColumns Columns { get; } = new(
        [
            RegisterLayout.Employee, "Tax id last 4", RegisterLayout.PayDate, RegisterLayout.PeriodStart, RegisterLayout.PeriodEnd, RegisterLayout.Status,
            .. Money, RegisterLayout.PayrollId,
        ],
        Money,
        2,
        "Euros");
}
