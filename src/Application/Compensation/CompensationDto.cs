using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Compensation;

/// <summary>A compensation record as the API shows it: the regime's members (<c>annualSalary</c>, <c>monthlyBase</c>, ...) inline.</summary>
public sealed record CompensationDto(Guid EmployeeId, DateOnly EffectiveFrom, string PayType, DateTimeOffset RecordedAt)
{
    [JsonExtensionData]
    public IDictionary<string, object?>? Terms { get; init; }
}
