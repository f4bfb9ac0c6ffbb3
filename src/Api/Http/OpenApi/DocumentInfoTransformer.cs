using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PayrollPortal.Application.Operations;

namespace PayrollPortal.Api.Http.OpenApi;

/// <summary>The document's title and version are the product's, as <c>/api/meta</c> reports them, not the assembly's.</summary>
internal sealed class DocumentInfoTransformer(IAppInfo app) : IOpenApiDocumentTransformer
{
    public const string Title = "Payroll Portal API";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = Title;
        document.Info.Version = app.Version;
        document.Info.Description =
            "Companies, employees, payrolls with withholding per regime, exports and the audit trail. Sign in with POST /api/auth/login " +
            "(a session cookie and a CSRF token) or send an API token as `Authorization: Bearer`. Writes take an `Idempotency-Key`. " +
            "Errors are RFC 9457 problem+json naming the field.";
        return Task.CompletedTask;
    }
}
