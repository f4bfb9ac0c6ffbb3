using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Payslips;

namespace PayrollPortal.Api.Endpoints;

/// <summary>
/// Payroll register exports: issuing a link, and the download it points at. A download is granted by a valid signed link,
/// or by the caller's own session or token through <see cref="IExportAccess"/> (payroll managers and up), never anonymously.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup(string.Empty).WithTags("Exports");
        var contentTypes = app.ServiceProvider.GetRequiredService<ExportFormats>().All.Select(w => w.ContentType).ToArray();
        exports.MapPost("/api/companies/{companyId:guid}/exports", IssueAsync).WithName("IssueExportLink").Accepts<IssueExportRequest>("application/json").Idempotent();
        // Anonymous at the HTTP level because a signed link is its own credential; without one, IExportAccess decides.
        exports.MapGet(IExportLinks.DownloadPath, DownloadAsync).WithName("DownloadExport").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: contentTypes[0], additionalContentTypes: contentTypes[1..]);
        return app;
    }

    public static Task<Results<Created<ExportLinkDto>, ProblemHttpResult>> IssueAsync(
        Guid companyId, IssueExportRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new IssueExportLink(companyId, request.Scope, request.Format, request.ExpiresInMinutes),
            link => TypedResults.Created((string?)null, link), cancellationToken);

    public static async Task<Results<ExportFileResult, ProblemHttpResult>> DownloadAsync(
        HttpContext http, ISender sender, IExportLinks links, IExportAccess access, [FromServices] ExportFormats formats, CancellationToken cancellationToken)
    {
        var query = http.Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))).ToArray();
        ExportTarget target;
        string generatedBy;
        if (query.Any(p => p.Key is ExportLinkParameters.Signature or ExportLinkParameters.Expires or ExportLinkParameters.KeyId))
        {
            if (links.Verify(http.Request.Method, http.Request.Path.Value ?? string.Empty, query) is not { } signed
                || (signed.IssuedBy is { } issuer && !await access.IssuerMayExportAsync(issuer, signed.Target.CompanyId, cancellationToken)))
            {
                return InvalidLink(http);
            }

            target = signed.Target;
            generatedBy = $"signed link (key {signed.KeyId})";
        }
        else
        {
            if (!TryReadTarget(http, formats, out var unsigned, out var problem))
            {
                return problem;
            }

            var decision = await access.CheckAsync(unsigned.CompanyId, cancellationToken);
            if (decision.Outcome != ExportAccessOutcome.Granted)
            {
                return links.SigningEnabled ? InvalidLink(http) : AccessRequired(http);
            }

            target = unsigned;
            generatedBy = decision.Principal ?? "session";
        }

        if (formats.WriterOf(target.Format).Source == ExportSource.Payslips)
        {
            var payslips = await sender.Send(new ExportPayslips(target, generatedBy), cancellationToken);
            return payslips.IsSuccess ? new ExportFileResult(payslips.Value!) : payslips.ToProblem(http);
        }

        var result = await sender.Send(new ExportPayrollRegister(target, generatedBy), cancellationToken);
        return result.IsSuccess ? new ExportFileResult(result.Value) : result.ToProblem(http);
    }

    private static ProblemHttpResult InvalidLink(HttpContext http) => TypedResults.Problem(ProblemResponses.Create(
        http, StatusCodes.Status403Forbidden, "export-link-invalid", "Export link not valid",
        "This export link is not valid or has expired. Ask for a new link."));

    private static ProblemHttpResult AccessRequired(HttpContext http) => TypedResults.Problem(ProblemResponses.Create(
        http, StatusCodes.Status403Forbidden, "export-access-required", "Signed link or session required",
        "Downloading an export needs a signed export link or an authenticated session with access to the company. Exports are never anonymous."));

    private static bool TryReadTarget(HttpContext http, ExportFormats formats, out ExportTarget target, out ProblemHttpResult problem)
    {
        var query = http.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Guid.TryParseExact(query[ExportLinkParameters.Company].ToString(), "D", out var companyId))
        {
            errors[ExportLinkParameters.Company] = ["company must be the company id."];
        }

        if (!ExportScope.TryParse(query[ExportLinkParameters.Scope].ToString(), out var scope))
        {
            errors[ExportLinkParameters.Scope] = ["scope must be a payroll id, yyyy-mm, yyyy-qN or a document's kind-id."];
        }

        if (!formats.TryParse(query[ExportLinkParameters.Format].ToString(), out var format))
        {
            errors[ExportLinkParameters.Format] = [$"format must be {formats.Names(quoted: false)}."];
        }

        target = errors.Count == 0 ? new ExportTarget(companyId, scope, format) : null!;
        problem = errors.Count == 0 ? null! : TypedResults.Problem(ProblemResponses.CreateValidation(http, errors));
        return errors.Count == 0;
    }

    public sealed record IssueExportRequest(ExportScopeRequest? Scope, string? Format, int? ExpiresInMinutes);
}
