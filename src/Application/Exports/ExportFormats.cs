namespace PayrollPortal.Application.Exports;

/// <summary>
/// The formats the registered writers provide, in registration order: the only place that turns a wire name into a
/// format, and that lists them for messages and the OpenAPI document.
/// </summary>
public sealed class ExportFormats
{
    private readonly IExportWriter[] _writers;

    public ExportFormats(IEnumerable<IExportWriter> writers)
    {
        _writers = [.. writers];
        if (_writers.GroupBy(w => w.Format).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two export writers are registered for the format '{twice.Key}'.");
        }
    }

    public IReadOnlyList<IExportWriter> All => _writers;

    /// <summary>The names for a message, each quoted when <paramref name="quoted"/>: <c>"csv" or "xlsx"</c>.</summary>
    public string Names(bool quoted)
    {
        var names = _writers.Select(w => quoted ? $"\"{w.Format}\"" : w.Format.Name).ToArray();
        return names.Length < 2 ? string.Concat(names) : string.Join(", ", names[..^1]) + " or " + names[^1];
    }

    public bool TryParse(string? text, out ExportFormat format)
    {
        format = _writers.FirstOrDefault(w => string.Equals(w.Format.Name, text, StringComparison.Ordinal))?.Format ?? default;
        return format.Name is not null;
    }

    /// <summary>A name already validated against this set.</summary>
    public ExportFormat Parse(string? text) =>
        TryParse(text, out var format) ? format : throw new ArgumentException($"'{text}' is not a registered export format.", nameof(text));

    public IExportWriter WriterOf(ExportFormat format) =>
        _writers.FirstOrDefault(w => w.Format == format) ?? throw new InvalidOperationException($"No export writer is registered for '{format}'.");

    /// <summary>A link for a format written from one payroll's payslips must name that payroll.</summary>
    public bool Fits(ExportFormat format, ExportScopeRequest scope) =>
        WriterOf(format).Source != ExportSource.Payslips || scope.PayrollId is not null;
}
