using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PayrollPortal.Application.Common;

namespace PayrollPortal.Api.Http;

/// <summary>
/// Describes <see cref="Optional{T}"/> properties as what clients send: the plain value (nullable), and not required.
/// Without this the OpenAPI document would show the wrapper's internals.
/// </summary>
internal sealed class OptionalSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsOptional(type))
        {
            var inner = Nullable.GetUnderlyingType(type.GetGenericArguments()[0]) ?? type.GetGenericArguments()[0];
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Type = JsonType(inner) | JsonSchemaType.Null;
            if (schema.Type == (JsonSchemaType.Object | JsonSchemaType.Null))
            {
                // An optional object (a company's address) is described by its own members, not as a bare object.
                var described = await context.GetOrCreateSchemaAsync(inner, null, cancellationToken);
                foreach (var (name, property) in described.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties[name] = property;
                }
            }

            return;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => IsOptional(p.PropertyType)))
            {
                required.Remove(property.Name);
            }
        }
    }

    private static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);

    private static JsonSchemaType JsonType(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => JsonSchemaType.Boolean,
        TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 => JsonSchemaType.Integer,
        TypeCode.Decimal or TypeCode.Double or TypeCode.Single => JsonSchemaType.Number,
        TypeCode.String => JsonSchemaType.String,
        _ => JsonSchemaType.Object,
    };
}
