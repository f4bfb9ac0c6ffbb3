using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using PayrollPortal.Application.Exports;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// Streams register rows with a data reader: one row in memory at a time, whatever the scope's size. Reads outside any
/// transaction, as one statement, so the rows and the totals computed from them come from one snapshot.
/// </summary>
internal sealed class PayrollRegisterSource(DbSession session) : IPayrollRegisterSource
{
    // The money columns in RegisterLayout.MoneyColumns order.
    private const string Select =
        """
        SELECT p.id, p.status, p.pay_date, p.period_start, p.period_end, l.employee_name, l.ssn_last4,
               l.gross_wages, l.supplemental_wages, l.retirement, l.cafeteria, l.hsa,
               l.fit_wages, l.social_security_wages, l.medicare_wages, l.additional_medicare_wages,
               l.federal_income_tax, l.social_security, l.medicare, l.additional_medicare,
               l.employer_social_security, l.employer_medicare, l.post_tax_deductions, l.net_pay
        FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id
        WHERE p.company_id = @companyId AND
        """;

    // The money columns in RegisterColumns.Korea order.
    private const string SelectKorea =
        """
        SELECT p.id, p.status, p.pay_date, p.period_start, p.period_end, l.employee_name, l.ssn_last4,
               k.base_pay, k.taxable_allowances, k.bonus, k.meals + k.car_allowance + k.childcare, k.taxable_pay,
               k.national_pension, k.health_insurance, k.long_term_care, k.employment_insurance, k.income_tax, k.local_income_tax,
               k.national_pension + k.health_insurance + k.long_term_care + k.employment_insurance + k.income_tax + k.local_income_tax,
               l.post_tax_deductions, l.net_pay
        FROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id JOIN payroll_kr_lines k ON k.payroll_id = l.payroll_id AND k.line_no = l.line_no
        WHERE p.company_id = @companyId AND
        """;

    private const string OnePayroll = " p.id = @payrollId";
    private const string ApprovedInMonths = " p.status = 'approved' AND p.pay_year = @year AND p.pay_month BETWEEN @firstMonth AND @lastMonth";
    private const string Order = " ORDER BY p.pay_date, p.created_at, p.id, l.line_no";

    private const int FirstAmount = 7;
    private const int AmountCount = 17;

    public IAsyncEnumerable<PayrollRegisterRow> ReadAsync(Guid companyId, ExportScope scope, CancellationToken cancellationToken) =>
        ReadAsync(Select, AmountCount, companyId, scope, cancellationToken);

    public IAsyncEnumerable<PayrollRegisterRow> ReadKoreaAsync(Guid companyId, ExportScope scope, CancellationToken cancellationToken) =>
        ReadAsync(SelectKorea, RegisterColumns.Korea.MoneyColumns.Count, companyId, scope, cancellationToken);

    private async IAsyncEnumerable<PayrollRegisterRow> ReadAsync(
        string select, int amountCount, Guid companyId, ExportScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var months = scope.Months;
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            select + (scope.Kind == ExportScopeKind.Payroll ? OnePayroll : ApprovedInMonths) + Order,
            new
            {
                companyId,
                payrollId = scope.PayrollId ?? Guid.Empty,
                year = scope.Year,
                firstMonth = months.Count > 0 ? months[0] : 0,
                lastMonth = months.Count > 0 ? months[^1] : 0,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Map(reader, amountCount);
        }
    }

    public async Task<(string Status, DateOnly PayDate)?> FindPayrollAsync(Guid companyId, Guid payrollId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PayrollHeader>(new CommandDefinition(
            "SELECT status AS Status, pay_date AS PayDate FROM payrolls WHERE company_id = @companyId AND id = @payrollId",
            new { companyId, payrollId },
            session.Transaction,
            cancellationToken: cancellationToken));
        return row is null ? null : (row.Status, row.PayDate);
    }

    private static PayrollRegisterRow Map(DbDataReader reader, int amountCount)
    {
        var amounts = new long[amountCount];
        for (var i = 0; i < amountCount; i++)
        {
            amounts[i] = reader.GetInt64(FirstAmount + i);
        }

        return new PayrollRegisterRow(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetFieldValue<DateOnly>(2),
            reader.GetFieldValue<DateOnly>(3),
            reader.GetFieldValue<DateOnly>(4),
            reader.GetString(5),
            reader.GetString(6),
            amounts);
    }

    private sealed class PayrollHeader
    {
        public string Status { get; init; } = string.Empty;

        public DateOnly PayDate { get; init; }
    }
}
