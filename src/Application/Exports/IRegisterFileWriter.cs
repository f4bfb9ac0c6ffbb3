namespace PayrollPortal.Application.Exports;

/// <summary>Writes a register in one format, row by row as the rows arrive, straight to the output stream.</summary>
public interface IRegisterFileWriter : IExportWriter
{
    ExportSource IExportWriter.Source => ExportSource.Register;

    Task<RegisterSummary> WriteAsync(Stream output, RegisterDocument document, IAsyncEnumerable<PayrollRegisterRow> rows, CancellationToken cancellationToken);
}
