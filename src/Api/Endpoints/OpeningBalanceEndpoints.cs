using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.OpeningBalances;

namespace PayrollPortal.Api.Endpoints;

/// <summary>Year-to-date figures carried in from a company's previous payroll (docs/IMPORTS.md, "Opening balances").</summary>
public static class OpeningBalanceEndpoints
{
    /// <summary>The columns read here; every other column is the regime's amount.</summary>
    private static readonly string[] CoreColumns = [.. GetOpeningBalanceTemplate.CoreColumns.Select(c => c.Name)];

    public static IEndpointRouteBuilder MapOpeningBalanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/companies/{companyId:guid}/opening-balances", RecordAsync).WithTags("Imports").WithName("RecordOpeningBalances")
            .Accepts<OpeningBalanceRequest>("application/json", "text/csv").WithMetadata(ImportBody.Instance).Idempotent()
            .WithSummary("Records opening balances: one JSON record, {\"balances\":[...]}, or CSV with the same columns; ?dryRun=true checks them and stores nothing.");
        app.MapGet("/api/companies/{companyId:guid}/opening-balances/template.csv", TemplateCsvAsync).WithTags("Imports").WithName("OpeningBalanceTemplateCsv")
            .WithSummary("The opening balances' CSV template for the company's regime: the header, an example row, a notes row (skipped on upload).");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateCsvAsync(
        Guid companyId, Mediator.ISender sender, IImportTemplateWriter writer, HttpContext http, CancellationToken cancellationToken) =>
        ImportEndpoints.CsvTemplate(await sender.Send(new GetOpeningBalanceTemplate(companyId), cancellationToken), writer, http);

    /// <summary>JSON (one record or <c>{"balances":[...]}</c>) or CSV whose header names the same members, one record a row.</summary>
    public static async Task<Results<JsonHttpResult<OpeningBalancesDto>, ProblemHttpResult>> RecordAsync(
        Guid companyId, HttpRequest request, CommandSender sender, IImportFileReader files, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext http, CancellationToken cancellationToken, bool? dryRun = null)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        List<OpeningBalanceRequest> balances;
        var many = false;
        if (string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var content = new MemoryStream();
            await request.Body.CopyToAsync(content, cancellationToken);
            var table = files.Read(new ImportFile(ImportFileKind.Csv, content.ToArray(), string.Empty));
            if (!table.IsSuccess)
            {
                return table.ToProblem(http);
            }

            balances = [.. table.Value!.Rows.Where(r => !r.IsSkipped).Select(r => FromRow(table.Value.Header, r))];
        }
        else if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            JsonElement body;
            try
            {
                body = await request.ReadFromJsonAsync<JsonElement>(json.Value.SerializerOptions, cancellationToken);
            }
            catch (JsonException invalid)
            {
                throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, invalid);
            }

            many = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("balances", out _);
            try
            {
                balances = many
                    ? body.GetProperty("balances").Deserialize<List<OpeningBalanceRequest>>(json.Value.SerializerOptions) ?? []
                    : [body.Deserialize<OpeningBalanceRequest>(json.Value.SerializerOptions)!];
            }
            catch (JsonException invalid)
            {
                var path = invalid.Path?.TrimStart('$') ?? string.Empty;
                var field = many ? "balances" + path : path.TrimStart('.');
                return ResultMapping.ToProblem([JsonTypeErrors.From(field.Length == 0 ? "body" : field, invalid, typeof(OpeningBalanceRequest))], http);
            }
        }
        else
        {
            return TypedResults.Problem(ProblemResponses.Create(http, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                "Send the balances as application/json or text/csv."));
        }

        return await sender.SendCommandAsync(
            http,
            new RecordOpeningBalances(companyId, balances, many, dryRun ?? false),
            recorded => TypedResults.Json(recorded, statusCode: dryRun == true ? StatusCodes.Status200OK : StatusCodes.Status201Created),
            cancellationToken);
    }

    /// <summary>A CSV row as the record JSON would send: the core columns read here, every other column as the regime's amount.</summary>
    private static OpeningBalanceRequest FromRow(IReadOnlyList<string> header, ImportRow row)
    {
        string? Cell(string name)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i < row.Cells.Count && row.Cells[i]?.Trim() is { Length: > 0 } value ? value : null;
                }
            }

            return null;
        }

        var fields = new Dictionary<string, JsonElement>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length > 0 && !CoreColumns.Contains(name, StringComparer.OrdinalIgnoreCase) && i < row.Cells.Count && row.Cells[i]?.Trim() is { Length: > 0 } value)
            {
                fields[name] = JsonSerializer.SerializeToElement(value);
            }
        }

        // A cell that is not an id reads as the empty id, which the use case refuses by name; read as absent, the row's
        // employeeNumber would silently stand in for it.
        Guid? employeeId = Cell("employeeId") is { } idCell ? (Guid.TryParse(idCell, out var id) ? id : Guid.Empty) : null;
        return new OpeningBalanceRequest(
            employeeId,
            int.TryParse(Cell("taxYear"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null,
            DateOnly.TryParseExact(Cell("asOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) ? asOf : null,
            Cell("period"),
            Cell("employeeNumber"))
        {
            Fields = fields,
            Label = $"rows[{row.Number}]",
        };
    }
}
