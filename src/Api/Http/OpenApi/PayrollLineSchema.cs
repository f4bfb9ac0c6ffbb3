using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PayrollPortal.Application.Payrolls;

namespace PayrollPortal.Api.Http.OpenApi;

/// <summary>
/// Describes a payroll line as clients send it. <see cref="PayrollLineRequest"/> is read by its own converter (each line as
/// posted, bench/README.md "Payrolls"), so the generator sees neither its members nor the lines' item type: the core's
/// <c>employeeId</c>, and beside it the company's regime's fields, which docs/WITHHOLDING.md lists per regime.
/// </summary>
internal sealed class PayrollLineSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var property in context.JsonTypeInfo.Properties.Where(p => typeof(IEnumerable<PayrollLineRequest>).IsAssignableFrom(p.PropertyType)))
        {
            if (schema.Properties is { } properties && properties.TryGetValue(property.Name, out var found) && found is OpenApiSchema lines)
            {
                lines.Items = Line();
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Line() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One line: the employee, and beside it the fields of the company's regime (docs/WITHHOLDING.md lists them per regime).",
        Properties = new Dictionary<string, IOpenApiSchema> { ["employeeId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" } },
        Required = new HashSet<string> { "employeeId" },
        AdditionalProperties = new OpenApiSchema(), // any member: the regime reads and checks its own
    };
}
