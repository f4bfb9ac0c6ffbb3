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
        var read = fields.Read<Fields>(string.Empty, KoreaRequestErrors.NotACalculationField);
        if (!read.IsSuccess)
        {
            return Result<object>.Failure(read.Errors);
        }

        var f = read.Value!;
        var result = await sender.Send(
            new CalculateKoreaWithholding(f.PayMonth, f.PayDate, f.MonthlyPay, f.NonTaxable, f.Dependents, f.ChildrenAged8To20, f.WithholdingRatio),
            cancellationToken);
        return result.IsSuccess ? result.Value! : Result<object>.Failure(result.Errors);
    }

    /// <summary>The request's kr members.</summary>
    public sealed record Fields(
        string? PayMonth = null,
        DateOnly? PayDate = null,
        decimal? MonthlyPay = null,
        KoreaNonTaxableDto? NonTaxable = null,
        int? Dependents = null,
        int? ChildrenAged8To20 = null,
        int? WithholdingRatio = null);
}
