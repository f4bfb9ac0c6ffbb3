using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Api.Endpoints.Korea;

/// <summary>
/// Business-income payees and their monthly sheets (사업소득, docs/BUSINESS_INCOME.md): the kr regime's own endpoints, mapped by
/// the composition root. A company of another regime gets 409 <c>business_income.regime_unsupported</c>.
/// </summary>
public static class BusinessIncomeEndpoints
{
    public static IEndpointRouteBuilder MapBusinessIncomeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies/{companyId:guid}/business-income").WithTags("Business income (kr)");
        group.MapGet("/payees", ListPayeesAsync).WithName("ListBusinessIncomePayees").WithSummary("The company's business-income payees, by name.");
        group.MapPost("/payees", CreatePayeeAsync).WithName("CreateBusinessIncomePayee").Accepts<CreateBusinessIncomePayeeRequest>("application/json").Idempotent()
            .WithSummary("Records a person paid business income (사업소득자): name, 주민등록번호 (stored encrypted), residentType, businessTypeCode, treatyRate.");
        group.MapGet("/sheets", ListSheetsAsync).WithName("ListBusinessIncomeSheets").WithSummary("The sheets paid in a year (?year=2026), or in one of its months (&month=3).");
        group.MapPost("/sheets", CreateSheetAsync).WithName("CreateBusinessIncomeSheet").Accepts<CreateBusinessIncomeSheetRequest>("application/json").Idempotent()
            .WithSummary("Posts a draft sheet: each line's income tax (3%, or 20%/treaty rate for a nonresident) and local income tax, truncated to 10 KRW.");
        group.MapGet("/sheets/{sheetId:guid}", GetSheetAsync).WithName("GetBusinessIncomeSheet").WithSummary("A sheet with each line's figures and the totals.");
        group.MapPost("/sheets/{sheetId:guid}/approve", ApproveSheetAsync).WithName("ApproveBusinessIncomeSheet").Idempotent()
            .WithSummary("Draft to approved; 409 period.closed when the pay date's month is closed.");
        group.MapPost("/sheets/{sheetId:guid}/void", VoidSheetAsync).WithName("VoidBusinessIncomeSheet").Accepts<VoidBusinessIncomeSheetRequest>("application/json")
            .Idempotent().WithSummary("Approved to voided, with a reason; 409 period.closed when the pay date's month is closed.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<BusinessIncomePayeeDto>>, ProblemHttpResult>> ListPayeesAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListBusinessIncomePayees(companyId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Created<BusinessIncomePayeeDto>, ProblemHttpResult>> CreatePayeeAsync(
        Guid companyId, CreateBusinessIncomePayeeRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new CreateBusinessIncomePayee(companyId, request.Name, request.ResidentRegistrationNumber, request.ResidentType, request.BusinessTypeCode, request.TreatyRate),
            payee => TypedResults.Created($"/api/companies/{companyId}/business-income/payees/{payee.Id}", payee),
            cancellationToken);

    public static async Task<Results<Ok<IReadOnlyList<BusinessIncomeSheetSummaryDto>>, ProblemHttpResult>> ListSheetsAsync(
        Guid companyId, ISender sender, HttpContext http, CancellationToken cancellationToken, int? year = null, int? month = null)
    {
        var result = await sender.Send(new ListBusinessIncomeSheets(companyId, year, month), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Created<BusinessIncomeSheetDto>, ProblemHttpResult>> CreateSheetAsync(
        Guid companyId, CreateBusinessIncomeSheetRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(
            http,
            new CreateBusinessIncomeSheet(companyId, request.PayDate, request.Lines),
            sheet => TypedResults.Created($"/api/companies/{companyId}/business-income/sheets/{sheet.Id}", sheet),
            cancellationToken);

    public static async Task<Results<Ok<BusinessIncomeSheetDto>, ProblemHttpResult>> GetSheetAsync(
        Guid companyId, Guid sheetId, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetBusinessIncomeSheet(companyId, sheetId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public static Task<Results<Ok<BusinessIncomeSheetDto>, ProblemHttpResult>> ApproveSheetAsync(
        Guid companyId, Guid sheetId, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new ApproveBusinessIncomeSheet(companyId, sheetId), TypedResults.Ok, cancellationToken);

    public static Task<Results<Ok<BusinessIncomeSheetDto>, ProblemHttpResult>> VoidSheetAsync(
        Guid companyId, Guid sheetId, VoidBusinessIncomeSheetRequest request, CommandSender sender, HttpContext http, CancellationToken cancellationToken) =>
        sender.SendCommandAsync(http, new VoidBusinessIncomeSheet(companyId, sheetId, request.Reason), TypedResults.Ok, cancellationToken);

    public sealed record CreateBusinessIncomePayeeRequest(
        string? Name, string? ResidentRegistrationNumber, string? ResidentType, string? BusinessTypeCode, decimal? TreatyRate);

    public sealed record CreateBusinessIncomeSheetRequest(DateOnly? PayDate, IReadOnlyList<BusinessIncomeLineRequest>? Lines);

    public sealed record VoidBusinessIncomeSheetRequest(string? Reason);
}
