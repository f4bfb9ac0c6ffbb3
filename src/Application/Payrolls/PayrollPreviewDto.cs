using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Payrolls;

/// <summary>Lines computed but not stored: the shape of a payroll's lines and totals, without an id or a status.</summary>
public sealed record PayrollPreviewDto(
    string Regime,
    string Currency,
    PayrollTotalsDto Totals,
    IReadOnlyList<PayrollLineDto> Lines)
{
    /// <summary>The regime's own members, serialised inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? RegimeMembers { get; init; }
}
