using PayrollPortal.Application.Imports;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's opening balance (docs/IMPORTS.md): the year-to-date amounts a company carries in from its previous payroll,
/// by the regime's own names, in minor units. The regime's year-to-date source, reports and payslips read them back through
/// <see cref="OpeningBalances.IOpeningBalanceStore"/>; the core only stores them.
/// </summary>
public interface IOpeningBalanceFields : IRegimePart
{
    /// <summary>The record's amount members as CSV columns, in the order the template lists them, with an example and a note each.</summary>
    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Reads and validates a record's amounts (the request's regime members); errors name <paramref name="prefix"/> and the member.</summary>
    Result<IReadOnlyDictionary<string, long>> Read(RegimeFields fields, string prefix);

    /// <summary>The amounts as payslip items, with the keys of the regime's own payslip items, so that year-to-date sums join them.</summary>
    IReadOnlyList<PayslipItem> PayslipItems(IReadOnlyDictionary<string, long> amounts);
}
