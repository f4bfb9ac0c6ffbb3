using Mediator;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>The four social insurances, the NTS simplified table and local income tax for one month's pay.</summary>
public sealed class KoreaCalculations : IWithholdingCalculations
{
    public string Regime => KoreaRegime.RegimeCode;

    public async ValueTask<Result<object>> CalculateAsync(RegimeFields fields, ISender sender, CancellationToken cancellationToken)
    {
        // The request's regime members are the query's own parameters.
        var query = fields.Read<CalculateKoreaWithholding>(string.Empty, KoreaRequestErrors.NotACalculationField);
        if (!query.IsSuccess)
        {
            return Result<object>.Failure(query.Errors);
        }

        var result = await sender.Send(query.Value!, cancellationToken);
        return result.IsSuccess ? result.Value! : Result<object>.Failure(result.Errors);
    }
}
