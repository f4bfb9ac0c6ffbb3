using System.Text.Json;
using System.Text.Json.Serialization;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Companies;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Api.Http;
using PayrollPortal.Domain.Common;

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
    public static async Task<Results<Ok<object>, ProblemHttpResult>> CalculateAsync(
        CalculateWithholdingRequest request, RegimeParts<IWithholdingCalculations> regimes, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        if (regimes.Find(request.Regime ?? Company.DefaultRegime) is not { } regime)
        {
            var codes = string.Join(", ", regimes.All.Select(r => $"\"{r.Regime}\"").Order(StringComparer.Ordinal));
            return ResultMapping.ToProblem(
                [Error.Validation("withholding.regime_unknown", $"regime must be one of {codes}; \"{Company.DefaultRegime}\" is the default.", "regime")], http);
        }

        var result = await regime.CalculateAsync(new RegimeFields(request.Fields), sender, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.ToProblem(http);
    }

    /// <summary><c>regime</c>, and the regime's own members (docs/WITHHOLDING.md lists each regime's).</summary>
    public sealed record CalculateWithholdingRequest(string? Regime)
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Fields { get; init; }
    }
}
