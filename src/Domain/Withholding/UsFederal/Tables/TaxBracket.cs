namespace PayrollPortal.Domain.Withholding.UsFederal.Tables;

/// <summary>One row of an annual percentage-method schedule; <see cref="ButLessThan"/> is null on the top row.</summary>
public readonly record struct TaxBracket(
    decimal AtLeast,
    decimal? ButLessThan,
    decimal TentativeAmount,
    decimal Rate,
    decimal OfAmountExceeding);
