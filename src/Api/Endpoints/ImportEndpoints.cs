using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Hosting;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Imports;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Bringing a company in from files: employees from CSV or XLSX, and the files' templates (docs/IMPORTS.md).</summary>
public static class ImportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/employee-imports").WithTags("Imports");
        group.MapPost("/", ImportAsync).WithName("ImportEmployees").Accepts<byte[]>("text/csv", XlsxContentType).WithMetadata(ImportBody.Instance).Idempotent()
            .WithSummary("Imports employees from CSV or XLSX (the first sheet): all or nothing, or with ?dryRun=true every problem by row and column, storing nothing.");
        group.MapGet("/template.csv", TemplateCsvAsync).WithName("EmployeeImportTemplateCsv");
        group.MapGet("/template.xlsx", TemplateXlsxAsync).WithName("EmployeeImportTemplateXlsx");
        return app;
    }

    /// <summary>
    /// The body is the file itself. The media type is checked first (415, as for any body the API cannot read); the file's
    /// contents are read only after the caller's role is checked, so a caller who may not import learns nothing about it.
    /// </summary>
    public static async Task<Results<JsonHttpResult<EmployeeImportDto>, ProblemHttpResult>> ImportAsync(
        Guid companyId, HttpRequest request, CommandSender sender, IConfiguration configuration, HttpContext http, CancellationToken cancellationToken,
        bool? dryRun = null)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        ImportFileKind? kind = mediaType switch
        {
            _ when string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase) => ImportFileKind.Csv,
            _ when string.Equals(mediaType, XlsxContentType, StringComparison.OrdinalIgnoreCase) => ImportFileKind.Xlsx,
            _ => null,
        };
        if (kind is null)
        {
            return TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                $"Send the file as text/csv or {XlsxContentType}."));
        }

        var limit = configuration.GetValue("MAX_IMPORT_BYTES", PayrollHost.DefaultMaxImportBytes);
        using var content = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > limit)
            {
                return TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Request body too large",
                    $"The file is larger than the import limit of {limit} bytes."));
            }

            content.Write(buffer, 0, read);
            hash.AppendData(buffer, 0, read);
        }

        var file = new ImportFile(kind.Value, content.GetBuffer().AsMemory(0, (int)content.Length), Convert.ToHexStringLower(hash.GetHashAndReset()));
        var isDryRun = dryRun ?? false;
        return await sender.SendCommandAsync(
            http,
            new ImportEmployees(companyId, file, isDryRun),
            result => TypedResults.Json(result, statusCode: isDryRun ? StatusCodes.Status200OK : StatusCodes.Status201Created),
            cancellationToken);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateCsvAsync(
        Guid companyId, ISender sender, IImportTemplateWriter writer, HttpContext http, CancellationToken cancellationToken) =>
        CsvTemplate(await sender.Send(new GetEmployeeImportTemplate(companyId), cancellationToken), writer, http);

    /// <summary>A template as a CSV download named after it, or the problem that kept it from being made.</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> CsvTemplate(
        PayrollPortal.Domain.Common.Result<ImportTemplate> result, IImportTemplateWriter writer, HttpContext http) =>
        result.IsSuccess
            ? TypedResults.File(writer.WriteCsv(result.Value!), "text/csv; charset=utf-8", $"{result.Value!.Name}.csv")
            : result.ToProblem(http);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateXlsxAsync(
        Guid companyId, ISender sender, IImportTemplateWriter writer, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetEmployeeImportTemplate(companyId), cancellationToken);
        return result.IsSuccess
            ? TypedResults.File(await writer.WriteXlsxAsync(result.Value!, cancellationToken), XlsxContentType, $"{result.Value!.Name}.xlsx")
            : result.ToProblem(http);
    }
}
