using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// The scope as a client sends it: <c>{payrollId}</c>, <c>{year, month}</c>, <c>{year, quarter}</c>, or one member a module's
/// <see cref="IExportDocumentSource"/> declares, naming one document by id (kept in <see cref="Documents"/>).
/// </summary>
public sealed record ExportScopeRequest(Guid? PayrollId = null, int? Year = null, int? Month = null, int? Quarter = null)
{
    /// <summary>Every other member: a module's document id, under the member its source declares.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Documents { get; init; }

    /// <summary>The one document member and its id, when the scope names a document (and nothing else) by a well-formed id.</summary>
    public (string Member, Guid Id)? Document =>
        Documents is { Count: 1 } documents && documents.First() is var (member, value) && value.ValueKind == JsonValueKind.String
            && Guid.TryParseExact(value.GetString(), "D", out var id) && id != Guid.Empty
            ? (member, id)
            : null;

    /// <summary>The scope, once the validator has accepted the shape; a document scope is built by <see cref="ExportScope.ForDocument"/>.</summary>
    public ExportScope ToScope() => PayrollId is { } payrollId
        ? ExportScope.ForPayroll(payrollId)
        : Month is { } month ? ExportScope.ForMonth(Year!.Value, month) : ExportScope.ForQuarter(Year!.Value, Quarter!.Value);

    public bool HasOneShape =>
        Documents is { Count: > 0 }
            ? Document is not null && PayrollId is null && Year is null && Month is null && Quarter is null
            : PayrollId is not null
                ? PayrollId != Guid.Empty && Year is null && Month is null && Quarter is null
                : Year is not null && (Month is null) != (Quarter is null);
}
