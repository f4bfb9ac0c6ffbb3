using System.Text.Json.Serialization;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

/// <summary>A payroll's sums: what every regime has, and the regime's own sums inline (us-federal: each tax, the employer's share).</summary>
public sealed record PayrollTotalsDto(
    int LineCount,
    decimal GrossWages,
    decimal SupplementalWages,
    decimal PostTaxDeductions,
    decimal NetPay)
{
    /// <summary>The regime's own members, serialised inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? RegimeMembers { get; init; }

    /// <param name="payrollMembers">Where the regime may add members of the payroll itself (kr: <c>krTotals</c>).</param>
    public static PayrollTotalsDto From(IReadOnlyList<PayrollLine> lines, IPayrollLines regime, IDictionary<string, object?> payrollMembers)
    {
        var currency = regime.Currency;
        decimal Sum(Func<PayrollLine, Money> pick) => currency.ToAmount(lines.Aggregate(Money.Zero, (total, line) => total + pick(line)));
        var members = new RegimeMembers();
        regime.DescribeTotals(lines, members, payrollMembers);
        return new PayrollTotalsDto(
            lines.Count, Sum(l => l.GrossWages), Sum(l => l.SupplementalWages), Sum(l => l.PostTaxDeductions), Sum(l => l.NetPay))
        {
            RegimeMembers = members,
        };
    }
}
