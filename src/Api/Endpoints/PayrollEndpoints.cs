using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Payrolls;

namespace PayrollPortal.Api.Endpoints;

public static class PayrollEndpoints
{
    public static IEndpointRouteBuilder MapPayrollEndpoints(this IEndpointRouteBuilder app)
    {
        var company = app.MapGroup("/api/companies/{companyId:guid}").WithTags("Payrolls");
        company.MapPost("/payrolls", CreateAsync).WithName("CreatePayroll").Accepts<CreatePayrollRequest>("application/json").Idempotent();
        company.MapPost("/payrolls/off-cycle", CreateOffCycleAsync).WithName("CreateOffCyclePayroll").Accepts<CreateOffCycleRequest>("application/json")
            .Idempotent().WithSummary("A bonus or correction run for chosen employees, with a reason; it does not advance any pay schedule.");
        company.MapGet("/payrolls", ListAsync).WithName("ListPayrolls");
        company.MapPost("/payrolls/preview", PreviewAsync).WithName("PreviewPayroll").Accepts<PreviewPayrollRequest>("application/json")
            .WithSummary("Computes lines as posting them would, and stores nothing.");
        company.MapGet("/payrolls/{id:guid}", GetAsync).WithName("GetPayroll");
        company.MapGet("/payrolls/{id:guid}/lines", ListLinesAsync).WithName("ListPayrollLines").WithSummary("The payroll's lines a page at a time, in line order.");
        company.MapPost("/payrolls/{id:guid}/copy-one-offs-from/{previousId:guid}", CopyOneOffsAsync).WithName("CopyOneOffs").Idempotent()
            .WithSummary("Copies each employee's one-off amounts (supplemental pay, bonus) from an earlier payroll onto this draft.");
        company.MapPut("/payrolls/{id:guid}/lines", ReplaceLinesAsync).WithName("ReplacePayrollLines").Accepts<ReplaceLinesRequest>("application/json").Idempotent();
        company.MapPost("/payrolls/{id:guid}/approve", ApproveAsync).WithName("ApprovePayroll").Idempotent();
        company.MapPost("/payrolls/{id:guid}/void", VoidAsync).WithName("VoidPayroll").Accepts<VoidRequest>("application/json").Idempotent();
        company.MapGet("/withholding", ReportAsync).WithName("WithholdingReport");
        return app;
    }

    public static Task<Results<Created<PayrollDto>, ProblemHttpResult>> CreateAsync(
        Guid companyId, CreatePayrollRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new CreatePayroll(companyId, request.PeriodStart, request.PeriodEnd, request.PayDate, request.PayFrequency, request.Lines),
            payroll => TypedResults.Created($"/api/companies/{companyId}/payrolls/{payroll.Id}", payroll),
            cancellationToken);

    public static async Task<Results<Ok<Page<PayrollSummaryDto>>, ProblemHttpResult>> ListAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken,
        int? year = null, int? month = null, string? status = null, int? limit = null, string? cursor = null)
    {
        var result = await sender.Send(new ListPayrolls(companyId, year, month, status, limit ?? PageLimits.Default, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<PayrollPreviewDto>, ProblemHttpResult>> PreviewAsync(
        Guid companyId, PreviewPayrollRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new PreviewPayroll(companyId, request.PeriodStart, request.PayDate, request.PayFrequency, request.Lines), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static async Task<Results<Ok<PayrollDto>, ProblemHttpResult>> GetAsync(
        Guid companyId, Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetPayroll(companyId, id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Created<PayrollDto>, ProblemHttpResult>> CreateOffCycleAsync(
        Guid companyId, CreateOffCycleRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new CreatePayroll(companyId, request.PeriodStart, request.PeriodEnd, request.PayDate, request.PayFrequency, request.Lines)
            {
                OffCycle = true,
                Reason = request.Reason,
            },
            payroll => TypedResults.Created($"/api/companies/{companyId}/payrolls/{payroll.Id}", payroll),
            cancellationToken);

    public static async Task<Results<Ok<Page<PayrollLineDto>>, ProblemHttpResult>> ListLinesAsync(
        Guid companyId, Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var result = await sender.Send(new ListPayrollLines(companyId, id, limit ?? PageLimits.Default, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Ok<PayrollDto>, ProblemHttpResult>> CopyOneOffsAsync(
        Guid companyId, Guid id, Guid previousId, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new CopyOneOffs(companyId, id, previousId), TypedResults.Ok, cancellationToken);

    public static Task<Results<Ok<PayrollDto>, ProblemHttpResult>> ReplaceLinesAsync(
        Guid companyId, Guid id, ReplaceLinesRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ReplacePayrollLines(companyId, id, request.Lines), TypedResults.Ok, cancellationToken);

    public static Task<Results<Ok<PayrollDto>, ProblemHttpResult>> ApproveAsync(
        Guid companyId, Guid id, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ApprovePayroll(companyId, id), TypedResults.Ok, cancellationToken);

    public static Task<Results<Ok<PayrollDto>, ProblemHttpResult>> VoidAsync(
        Guid companyId, Guid id, VoidRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new VoidPayroll(companyId, id, request.Reason), TypedResults.Ok, cancellationToken);

    public static async Task<Results<Ok<WithholdingReportDto>, ProblemHttpResult>> ReportAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken, int? year = null, int? quarter = null, int? month = null)
    {
        var result = await sender.Send(new GetWithholdingReport(companyId, year, quarter, month), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public sealed record CreatePayrollRequest(
        DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? PayDate, string? PayFrequency, IReadOnlyList<PayrollLineRequest>? Lines);

    public sealed record CreateOffCycleRequest(
        DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? PayDate, string? PayFrequency, string? Reason, IReadOnlyList<PayrollLineRequest>? Lines);

    public sealed record PreviewPayrollRequest(DateOnly? PeriodStart, DateOnly? PayDate, string? PayFrequency, IReadOnlyList<PayrollLineRequest>? Lines);

    public sealed record ReplaceLinesRequest(IReadOnlyList<PayrollLineRequest>? Lines);

    public sealed record VoidRequest(string? Reason);
}
