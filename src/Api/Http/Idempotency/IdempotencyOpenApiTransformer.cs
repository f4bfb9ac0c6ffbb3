using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>Documents the <c>Idempotency-Key</c> header and the 409/422 answers on every write endpoint.</summary>
internal sealed class IdempotencyOpenApiTransformer(IdempotencyOptions options) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentWrite>().Any())
        {
            return Task.CompletedTask;
        }

        var isPost = string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Required = isPost && options.RequireKeyOnPost,
            Description =
                "A unique key (1-255 printable ASCII characters) that makes retrying this request safe. The same key with the same " +
                "request replays the first response (with `Idempotent-Replayed: true` and `X-Original-Request-ID`) instead of " +
                $"executing again, for {options.Retention.TotalHours:0.##} hours. Scoped to the caller, method and route.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength },
        });

        operation.Responses ??= [];
        operation.Responses.TryAdd("409", Problem(
            "Conflict; also a request with the same Idempotency-Key is still in progress (type ending `idempotency-key-in-flight`, " +
            "with Retry-After)."));
        operation.Responses.TryAdd("422", Problem(
            "The Idempotency-Key was already used with a different request (type ending `idempotency-key-reuse`)."));
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 problem details as this API writes them.</summary>
    private static readonly OpenApiSchema ProblemSchema = new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = ProblemSchema },
        },
    };
}
