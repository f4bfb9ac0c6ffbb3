using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Withholding;

namespace PayrollPortal.Api.Endpoints;

public static class WithholdingEndpoints
{
    public static IEndpointRouteBuilder MapWithholdingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/withholding").WithTags("Withholding");
        group.MapPost("/calculate", CalculateAsync).WithName("CalculateWithholding").Accepts<CalculateWithholdingRequest>("application/json");
        return app;
    }

    /// <summary>Stateless preview: nothing is stored, and no employee needs to exist.</summary>
    public static async Task<Results<Ok<WithholdingResultDto>, ProblemHttpResult>> CalculateAsync(
        CalculateWithholdingRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new CalculateWithholding(
                request.TaxYear,
                request.PayFrequency,
                request.GrossWages,
                request.SupplementalWages,
                request.PreTaxDeductions,
                request.W4,
                request.Ytd,
                request.Exempt),
            cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.ToProblem(http);
    }

    public sealed record CalculateWithholdingRequest(
        int? TaxYear,
        string? PayFrequency,
        decimal? GrossWages,
        decimal? SupplementalWages,
        WithholdingPreTaxDeductions? PreTaxDeductions,
        WithholdingW4? W4,
        WithholdingYearToDate? Ytd,
        bool? Exempt);
}
