using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Exports;

/// <summary>
/// Streams register rows with a data reader: one row in memory at a time, whatever the scope's size. Reads outside any
/// transaction, as one statement, so the rows and the totals computed from them come from one snapshot.
/// </summary>
internal sealed class PayrollRegisterSource(
    DbSession session, RegimeParts<IPayrollLineStorage> storages, RegimeParts<IRegisterColumnsSource> registers) : IPayrollRegisterSource
{
    private const string Select =
        """
        SELECT p.id, p.status, p.pay_date, p.period_start, p.period_end, l.employee_name, l.ssn_last4,
        """;

    private const string OnePayroll = " p.id = @payrollId";
    private const string ApprovedInMonths = " p.status = 'approved' AND p.pay_year = @year AND p.pay_month BETWEEN @firstMonth AND @lastMonth";
    private const string Order = " ORDER BY p.pay_date, p.created_at, p.id, l.line_no";

    private const int FirstAmount = 7;

    /// <summary>The regime's storage names the amounts (and a join), in the order of its register's money columns.</summary>
    public IAsyncEnumerable<PayrollRegisterRow> ReadAsync(Guid companyId, string regime, ExportScope scope, CancellationToken cancellationToken)
    {
        var storage = storages.For(regime);
        var texts = storage.RegisterTexts.Length == 0 ? string.Empty : ",\n" + storage.RegisterTexts;
        var select = $"{Select}{storage.RegisterAmounts}{texts}\nFROM payrolls p JOIN payroll_lines l ON l.payroll_id = p.id {storage.RegisterJoin}\nWHERE p.company_id = @companyId AND";
        var columns = registers.For(regime).Columns;
        return ReadAsync(select, columns.MoneyColumns.Count, columns.TextColumns.Count, companyId, scope, cancellationToken);
    }

    private async IAsyncEnumerable<PayrollRegisterRow> ReadAsync(
        string select, int amountCount, int textCount, Guid companyId, ExportScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
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
            yield return Map(reader, amountCount, textCount);
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

    private static PayrollRegisterRow Map(DbDataReader reader, int amountCount, int textCount)
    {
        var amounts = new long[amountCount];
        for (var i = 0; i < amountCount; i++)
        {
            amounts[i] = reader.GetInt64(FirstAmount + i);
        }

        string[]? texts = textCount == 0 ? null : new string[textCount];
        for (var i = 0; i < textCount; i++)
        {
            var ordinal = FirstAmount + amountCount + i;
            texts![i] = reader.IsDBNull(ordinal) ? string.Empty : reader.GetString(ordinal);
        }

        return new PayrollRegisterRow(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetFieldValue<DateOnly>(2),
            reader.GetFieldValue<DateOnly>(3),
            reader.GetFieldValue<DateOnly>(4),
            reader.GetString(5),
            reader.GetString(6),
            amounts,
            texts);
    }

    private sealed class PayrollHeader
    {
        public string Status { get; init; } = string.Empty;

        public DateOnly PayDate { get; init; }
    }
}
