namespace PayrollPortal.Application.Exports;

/// <summary>
/// A module's document as the register writers write it: its columns, its rows (read while the file is written), the file name
/// before any <c>-DRAFT</c> and the extension, and whether it is a draft.
/// </summary>
public sealed record ExportDocument(
    string FileStem, bool IsDraft, RegisterColumns Columns, Func<CancellationToken, IAsyncEnumerable<PayrollRegisterRow>> ReadRows);
