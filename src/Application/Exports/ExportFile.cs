namespace PayrollPortal.Application.Exports;

/// <summary>
/// A register ready to stream: its file name and media type are known up front; <see cref="WriteToAsync"/> reads the rows
/// and writes them to the output as they come, in the caller's scope (the request's database session).
/// </summary>
public sealed class ExportFile(string fileName, string contentType, Func<Stream, CancellationToken, Task<RegisterSummary>> write)
{
    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;

    public Task<RegisterSummary> WriteToAsync(Stream output, CancellationToken cancellationToken) => write(output, cancellationToken);
}
