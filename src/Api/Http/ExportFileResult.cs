using System.Diagnostics;
using Microsoft.Net.Http.Headers;
using PayrollPortal.Application.Exports;

namespace PayrollPortal.Api.Http;

/// <summary>
/// Streams an export to the response body: headers go out first, then the rows as the database returns them. If the
/// database fails halfway, the response is aborted rather than completed, so a partial file is never taken as whole.
/// </summary>
public sealed partial class ExportFileResult(ExportFile file) : IResult
{
    public ExportFile File { get; } = file;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = File.ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = File.FileName, FileNameStar = File.FileName }.ToString();
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";

        // The link carries its signature; never hand it to another site as a referrer.
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.StartAsync(httpContext.RequestAborted);

        var started = Stopwatch.GetTimestamp();
        var summary = await File.WriteToAsync(response.Body, httpContext.RequestAborted);
        var logger = httpContext.RequestServices.GetRequiredService<ILogger<ExportFileResult>>();
        LogStreamed(logger, File.FileName, summary.RowCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds, summary.Sha256);
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Export {FileName} streamed {RowCount} rows in {ElapsedMs:0.0} ms (rows SHA-256 {Sha256})")]
    private static partial void LogStreamed(ILogger logger, string fileName, int rowCount, double elapsedMs, string sha256);
}
