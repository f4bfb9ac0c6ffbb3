using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Withholding;

/// <summary>One regime over the embedded tables for the whole test run; loading checks every table once.</summary>
internal static class Regimes
{
    public static UsFederalRegime UsFederal { get; } = UsFederalRegime.FromEmbeddedTables();

    public static KoreaRegime Korea { get; } = KoreaRegime.FromEmbeddedTables();
}
