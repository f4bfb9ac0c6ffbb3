using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding;

/// <summary>A regime that computes one pay period's withholding from its own input shape.</summary>
public interface IWithholdingRegime<in TInput, TResult> : IWithholdingRegime
    where TResult : class
{
    /// <summary>Validates and calculates; invalid input is a validation <see cref="Result{T}"/> naming the field, never an exception.</summary>
    Result<TResult> Calculate(TInput input);
}
