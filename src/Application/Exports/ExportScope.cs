using System.Globalization;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// What a payroll register covers: one payroll, a month or a quarter (both by pay date), or one document of a module's
/// <see cref="IExportDocumentSource"/>. Its token is what a download link carries in <c>scope=</c>: the payroll id, <c>2026-01</c>,
/// <c>2026-q1</c> or <c>&lt;kind&gt;-&lt;document id&gt;</c>.
/// </summary>
public sealed record ExportScope
{
    private const int MaxDocumentKindLength = 16;

    private ExportScope(ExportScopeKind kind, Guid? payrollId, int year, int period, string? documentKind = null, Guid? documentId = null)
    {
        Kind = kind;
        PayrollId = payrollId;
        Year = year;
        Period = period;
        DocumentKind = documentKind;
        DocumentId = documentId;
    }

    public ExportScopeKind Kind { get; }

    public Guid? PayrollId { get; }

    /// <summary>The pay-date year of a month or quarter; 0 for one payroll.</summary>
    public int Year { get; }

    /// <summary>The month (1-12) or quarter (1-4); 0 for one payroll.</summary>
    public int Period { get; }

    /// <summary>The <see cref="IExportDocumentSource.Kind"/> of a document scope; null otherwise.</summary>
    public string? DocumentKind { get; }

    public Guid? DocumentId { get; }

    /// <summary>The pay-date months a month or quarter covers; empty for one payroll.</summary>
    public IReadOnlyList<int> Months => Kind switch
    {
        ExportScopeKind.Month => [Period],
        ExportScopeKind.Quarter => [(Period * 3) - 2, (Period * 3) - 1, Period * 3],
        _ => [],
    };

    public static ExportScope ForPayroll(Guid payrollId) => new(ExportScopeKind.Payroll, payrollId, 0, 0);

    public static ExportScope ForMonth(int year, int month) =>
        month is >= 1 and <= 12 && year is >= 1900 and <= 2200 ? new(ExportScopeKind.Month, null, year, month) : throw new ArgumentOutOfRangeException(nameof(month));

    public static ExportScope ForQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 && year is >= 1900 and <= 2200 ? new(ExportScopeKind.Quarter, null, year, quarter) : throw new ArgumentOutOfRangeException(nameof(quarter));

    public static ExportScope ForDocument(string kind, Guid documentId) =>
        IsDocumentKind(kind) && documentId != Guid.Empty
            ? new(ExportScopeKind.Document, null, 0, 0, kind, documentId)
            : throw new ArgumentOutOfRangeException(nameof(kind), "A document kind is 1 to 16 lower-case ASCII letters, and the id is not empty.");

    public static bool IsDocumentKind(string? kind) =>
        kind is { Length: > 0 and <= MaxDocumentKindLength } && kind.All(char.IsAsciiLetterLower);

    public static bool TryParse(string? token, out ExportScope scope)
    {
        scope = null!;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        if (token.Length > 37 && token[^37] == '-' && IsDocumentKind(token[..^37])
            && Guid.TryParseExact(token[^36..], "D", out var documentId) && documentId != Guid.Empty && token[^36..] == documentId.ToString("D"))
        {
            scope = ForDocument(token[..^37], documentId);
            return true;
        }

        if (token.Length == 36 && Guid.TryParseExact(token, "D", out var payrollId) && payrollId != Guid.Empty)
        {
            scope = ForPayroll(payrollId);
            return true;
        }

        if (token.Length == 7 && token[4] == '-' && int.TryParse(token.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900 && year <= 2200)
        {
            if (int.TryParse(token.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                scope = ForMonth(year, month);
                return true;
            }

            if (token[5] == 'q' && token[6] is >= '1' and <= '4')
            {
                scope = ForQuarter(year, token[6] - '0');
                return true;
            }
        }

        return false;
    }

    /// <summary>The form carried by a link's <c>scope</c> parameter; <see cref="TryParse"/> reads it back.</summary>
    public string ToToken() => Kind switch
    {
        ExportScopeKind.Payroll => PayrollId!.Value.ToString("D"),
        ExportScopeKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Period:D2}"),
        ExportScopeKind.Document => $"{DocumentKind}-{DocumentId:D}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-q{Period}"),
    };

    /// <summary>For people: the Meta sheet's scope line.</summary>
    public string Describe() => Kind switch
    {
        ExportScopeKind.Payroll => $"Payroll {PayrollId:D}",
        ExportScopeKind.Month => string.Create(CultureInfo.InvariantCulture, $"Month {Year:D4}-{Period:D2} (by pay date), approved payrolls"),
        ExportScopeKind.Document => $"Document {DocumentKind} {DocumentId:D}",
        _ => string.Create(CultureInfo.InvariantCulture, $"Quarter {Year:D4} Q{Period} (by pay date), approved payrolls"),
    };

    public override string ToString() => ToToken();
}
