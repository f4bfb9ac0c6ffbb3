using System.Text.Json.Serialization;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>A line's figures: the tax code it was computed with and the income tax in cents.</summary>
public sealed record FlatTaxLine(string TaxCode, long IncomeTaxCents) : IPayrollLineDetails
{
    [JsonIgnore]
    public Money PreTaxDeductions => Money.Zero;

    [JsonIgnore]
    public Money EmployeeTaxes => new(IncomeTaxCents);
}
