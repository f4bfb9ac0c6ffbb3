namespace PayrollPortal.Application.Exports;

/// <summary>
/// A registered export format: how clients name it, what it is sent as, and what it is written from. The registered writers
/// are the formats: parsing, link issuing and the OpenAPI document all read them through <see cref="ExportFormats"/>.
/// </summary>
public interface IExportWriter
{
    /// <summary>The wire name in requests and links, lower case (<c>csv</c>).</summary>
    ExportFormat Format { get; }

    /// <summary>The response's media type.</summary>
    string ContentType { get; }

    /// <summary>The file name's extension, without the dot.</summary>
    string FileExtension { get; }

    ExportSource Source { get; }
}
