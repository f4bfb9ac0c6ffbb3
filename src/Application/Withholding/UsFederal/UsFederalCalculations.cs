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
        var read = fields.Read<Fields>(string.Empty, UsFederalRequestErrors.NotACalculationField);
        if (!read.IsSuccess)
        {
            return Result<object>.Failure(read.Errors);
        }

        var f = read.Value!;
        var result = await sender.Send(
            new CalculateWithholding(f.TaxYear, f.PayFrequency, f.GrossWages, f.SupplementalWages, f.PreTaxDeductions, f.W4, f.Ytd, f.Exempt),
            cancellationToken);
        return result.IsSuccess ? result.Value! : Result<object>.Failure(result.Errors);
    }

    /// <summary>The request's us-federal members.</summary>
    public sealed record Fields(
        int? TaxYear,
        string? PayFrequency,
        decimal? GrossWages,
        decimal? SupplementalWages = null,
        WithholdingPreTaxDeductions? PreTaxDeductions = null,
        WithholdingW4? W4 = null,
        WithholdingYearToDate? Ytd = null,
        bool? Exempt = null);
}
