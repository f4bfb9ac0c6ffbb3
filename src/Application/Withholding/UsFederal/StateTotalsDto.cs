namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>One work state's figures in a report: the wages it taxes and its income tax withheld.</summary>
public sealed record StateTotalsDto(string Jurisdiction, decimal Wages, decimal IncomeTax);
