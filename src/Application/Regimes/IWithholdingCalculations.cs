using Mediator;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

/// <summary>A regime's stateless calculation (<c>POST /api/withholding/calculate</c> with its <c>regime</c>): nothing stored, no employee needed.</summary>
public interface IWithholdingCalculations : IRegimePart
{
    /// <summary>Reads the request's regime members and sends the regime's own query through the pipeline.</summary>
    ValueTask<Result<object>> CalculateAsync(RegimeFields fields, ISender sender, CancellationToken cancellationToken);
}
