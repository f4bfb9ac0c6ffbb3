using Mediator;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>Pub 15-T and FICA for one pay period, from a W-4 and the period's pay.</summary>
public sealed class UsFederalCalculations : IWithholdingCalculations
{
    public string Regime => UsFederalRegime.RegimeCode;

    public async ValueTask<Result<object>> CalculateAsync(RegimeFields fields, ISender sender, CancellationToken cancellationToken)
    {
        // The request's regime members are the query's own parameters.
        var query = fields.Read<CalculateWithholding>(string.Empty, UsFederalRequestErrors.NotACalculationField);
        if (!query.IsSuccess)
        {
            return Result<object>.Failure(query.Errors);
        }

        var result = await sender.Send(query.Value!, cancellationToken);
        return result.IsSuccess ? result.Value! : Result<object>.Failure(result.Errors);
    }
}
