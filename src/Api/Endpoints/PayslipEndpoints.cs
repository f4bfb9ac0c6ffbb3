using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Payslips;

namespace PayrollPortal.Api.Endpoints;

/// <summary>
/// Payslips of a payroll's lines: one as JSON or as a PDF. A draft's or a voided payroll's answers 409 unless
/// <c>?preview=true</c>, and its PDF is then watermarked DRAFT or VOID.
/// </summary>
public static class PayslipEndpoints
{
    public static IEndpointRouteBuilder MapPayslipEndpoints(this IEndpointRouteBuilder app)
    {
        var company = app.MapGroup("/api/companies/{companyId:guid}/payrolls/{payrollId:guid}/payslips").WithTags("Payslips");
        company.MapGet("/{employeeId:guid}", GetAsync).WithName("GetPayslip")
            .WithSummary("One employee's payslip as figures, each with its year-to-date total.");
        company.MapGet("/{employeeId:guid}.pdf", GetPdfAsync).WithName("GetPayslipPdf")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("One employee's payslip as a PDF.");
        app.MapGet("/api/companies/{companyId:guid}/payrolls/{payrollId:guid}/payslips.zip", DownloadZipAsync).WithTags("Payslips").WithName("DownloadPayslips")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithSummary("Every payslip of an approved payroll as a ZIP of PDFs, streamed; payroll managers and up.");
        var me = app.MapGroup("/api/me/payslips").WithTags("Payslips");
        me.MapGet(string.Empty, ListMineAsync).WithName("ListMyPayslips")
            .WithSummary("The caller's own payslips across companies (the employee record each membership is bound to), newest first.");
        me.MapGet("/{companyId:guid}/{payrollId:guid}", ViewMineAsync).WithName("ViewMyPayslip").WithSummary("One of the caller's own payslips as figures.");
        me.MapGet("/{companyId:guid}/{payrollId:guid}.pdf", DownloadMineAsync).WithName("DownloadMyPayslipPdf")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").WithSummary("One of the caller's own payslips as a PDF.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<MyPayslipDto>>, ProblemHttpResult>> ListMineAsync(ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListMyPayslips(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<PayslipDto>, ProblemHttpResult>> ViewMineAsync(
        Guid companyId, Guid payrollId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ViewMyPayslip(companyId, payrollId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadMineAsync(
        Guid companyId, Guid payrollId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DownloadMyPayslipPdf(companyId, payrollId), cancellationToken);
        return result.IsSuccess ? Pdf(http, result.Value!) : result.ToProblem(http);
    }

    public static async Task<Results<ExportFileResult, ProblemHttpResult>> DownloadZipAsync(
        Guid companyId, Guid payrollId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new DownloadPayslips(companyId, payrollId), cancellationToken);
        return result.IsSuccess ? new ExportFileResult(result.Value!) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<PayslipDto>, ProblemHttpResult>> GetAsync(
        Guid companyId, Guid payrollId, Guid employeeId, bool? preview, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetPayslip(companyId, payrollId, employeeId, preview ?? false), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPdfAsync(
        Guid companyId, Guid payrollId, Guid employeeId, bool? preview, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetPayslipPdf(companyId, payrollId, employeeId, preview ?? false), cancellationToken);
        return result.IsSuccess ? Pdf(http, result.Value!) : result.ToProblem(http);
    }

    /// <summary>A payslip as a download: never cached, never sniffed, never sent as a referrer.</summary>
    public static FileContentHttpResult Pdf(HttpContext http, PayslipPdf pdf)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName);
    }
}
