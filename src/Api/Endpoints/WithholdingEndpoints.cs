using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Api.Endpoints;

public static class WithholdingEndpoints
{
    public static IEndpointRouteBuilder MapWithholdingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/withholding").WithTags("Withholding");
        group.MapPost("/calculate", CalculateAsync).WithName("CalculateWithholding").Accepts<CalculateWithholdingRequest>("application/json");
        return app;
    }

    /// <summary>
    /// Stateless preview: nothing is stored, and no employee needs to exist. <c>regime</c> picks the rules and the request's
    /// shape; without it the request is us-federal, as before regimes were selectable.
    /// </summary>
    public static async Task<Results<Ok<WithholdingResultDto>, Ok<KoreaWithholdingResultDto>, ProblemHttpResult>> CalculateAsync(
        CalculateWithholdingRequest request, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        switch (request.Regime)
        {
            case null or UsFederalRegime.RegimeCode:
                break;
            case KoreaRegime.RegimeCode:
                var kr = await sender.Send(
                    new CalculateKoreaWithholding(
                        request.PayMonth, request.PayDate, request.MonthlyPay, request.NonTaxable, request.Dependents, request.ChildrenAged8To20,
                        request.WithholdingRatio),
                    cancellationToken);
                return kr.IsSuccess ? TypedResults.Ok(kr.Value) : kr.ToProblem(http);
            default:
                return ResultMapping.ToProblem(
                    [Error.Validation("withholding.regime_unknown", $"regime must be \"{UsFederalRegime.RegimeCode}\" (the default) or \"{KoreaRegime.RegimeCode}\".", "regime")],
                    http);
        }

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

    /// <summary>The us-federal fields, then the kr ones; each regime reads its own.</summary>
    public sealed record CalculateWithholdingRequest(
        string? Regime,
        int? TaxYear,
        string? PayFrequency,
        decimal? GrossWages,
        decimal? SupplementalWages,
        WithholdingPreTaxDeductions? PreTaxDeductions,
        WithholdingW4? W4,
        WithholdingYearToDate? Ytd,
        bool? Exempt,
        string? PayMonth = null,
        DateOnly? PayDate = null,
        decimal? MonthlyPay = null,
        KoreaNonTaxableDto? NonTaxable = null,
        int? Dependents = null,
        int? ChildrenAged8To20 = null,
        int? WithholdingRatio = null);
}
