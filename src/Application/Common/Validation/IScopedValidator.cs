namespace PayrollPortal.Application.Common.Validation;

/// <summary>
/// A validator that reads state (the company's regime, say) and so is registered per scope; every other validator is a
/// singleton, built once.
/// </summary>
public interface IScopedValidator;
