using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>The us-federal register: wages, pre-tax deductions, each tax's wage base and amount, the employer's share, the work state and its tax.</summary>
public sealed class UsFederalRegisterColumns : IRegisterColumnsSource
{
    /// <summary>The money columns in order; the module's register query fills <see cref="PayrollRegisterRow.Amounts"/> in this order.</summary>
    public const string State = "State";

    public static readonly IReadOnlyList<string> MoneyColumns =
    [
        "Gross wages",
        "Supplemental wages",
        "Retirement (pre-tax)",
        "Cafeteria (pre-tax)",
        "HSA (pre-tax)",
        "Federal income tax wages",
        "Social Security wages",
        "Medicare wages",
        "Additional Medicare wages",
        "Federal income tax",
        "Social Security",
        "Medicare",
        "Additional Medicare",
        "Employer Social Security",
        "Employer Medicare",
        "State income tax",
        "Post-tax deductions",
        "Net pay",
    ];

    public static readonly RegisterColumns Layout = new(
        [
            RegisterLayout.Employee, "SSN last 4", RegisterLayout.PayDate, RegisterLayout.PeriodStart, RegisterLayout.PeriodEnd, RegisterLayout.Status,
            .. MoneyColumns, State, RegisterLayout.PayrollId,
        ],
        MoneyColumns,
        2,
        "US dollars; the register's rows and totals are on the first sheet")
    {
        TextColumns = [State],
    };

    public string Regime => UsFederalRegime.RegimeCode;

    public RegisterColumns Columns => Layout;
}
