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

    /// <summary>
    /// The totals of one payroll stored in parts (a run's pages): every sum added. A regime's totals members are sums, so
    /// they add too; anything else would be a regime bug, and is refused rather than dropped.
    /// </summary>
    public PayrollTotalsDto Plus(PayrollTotalsDto other)
    {
        var members = new RegimeMembers();
        foreach (var (name, value) in RegimeMembers ?? new Dictionary<string, object?>())
        {
            object? theirs = null;
            other.RegimeMembers?.TryGetValue(name, out theirs);
            members[name] = (value, theirs) switch
            {
                (decimal a, decimal b) => a + b,
                _ => throw new InvalidOperationException($"The totals member '{name}' is not a sum in both parts."),
            };
        }

        return new PayrollTotalsDto(
            LineCount + other.LineCount, GrossWages + other.GrossWages, SupplementalWages + other.SupplementalWages,
            PostTaxDeductions + other.PostTaxDeductions, NetPay + other.NetPay)
        {
            RegimeMembers = members,
        };
    }
}
