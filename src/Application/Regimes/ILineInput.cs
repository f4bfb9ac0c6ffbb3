using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

/// <summary>One line's inputs as a regime read them. The regime's own type carries the rest (deductions, allowances).</summary>
public interface ILineInput
{
    Money PostTaxDeductions { get; }
}
