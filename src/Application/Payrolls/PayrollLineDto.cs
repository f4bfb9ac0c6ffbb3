using PayrollPortal.Application.Common;
using System.Text.Json.Serialization;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

/// <summary>One line as the API shows it: what every regime has, and the regime's own members inline.</summary>
public sealed record PayrollLineDto(
    int LineNumber,
    Guid EmployeeId,
    string EmployeeName,
    string SsnLast4,
    decimal GrossWages,
    decimal SupplementalWages,
    decimal PostTaxDeductions,
    decimal NetPay,
    RawJson Trace)
{
    /// <summary>The regime's own members, serialised inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? RegimeMembers { get; init; }

    /// <summary>For a line a run generated: how its pay was made (hours, rate, proration); absent for a line typed by hand.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LineEarningsDto? Earnings { get; init; }

    public static PayrollLineDto From(PayrollLine line, IPayrollLines regime)
    {
        var currency = regime.Currency;
        var members = new RegimeMembers();
        regime.Describe(line, members);
        return new(
            line.LineNumber,
            line.EmployeeId,
            line.EmployeeName,
            line.SsnLast4,
            currency.ToAmount(line.GrossWages),
            currency.ToAmount(line.SupplementalWages),
            currency.ToAmount(line.PostTaxDeductions),
            currency.ToAmount(line.NetPay),
            new RawJson(line.Trace))
        {
            RegimeMembers = members,
            Earnings = LineEarningsDto.From(line.Earnings, currency),
        };
    }
}
