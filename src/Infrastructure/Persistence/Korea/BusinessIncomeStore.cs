using System.Runtime.CompilerServices;
using Dapper;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Withholding.Korea.BusinessIncome;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Infrastructure.Persistence.Korea;

/// <summary><c>business_income_payees</c>, <c>business_income_sheets</c> and <c>business_income_lines</c> (migration 0016).</summary>
internal sealed class BusinessIncomeStore(DbSession session) : IBusinessIncomeStore
{
    private const string PayeeColumns =
        "id AS Id, company_id AS CompanyId, name AS Name, rrn_last4 AS RrnLast4, resident_type AS ResidentType, " +
        "business_type_code AS BusinessTypeCode, treaty_rate_bp AS TreatyRateBasisPoints, created_at AS CreatedAt";

    public async Task<bool> RrnExistsAsync(Guid companyId, IReadOnlyList<string> blindIndexes, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId });
        var list = SqlIn.List(parameters, "index", blindIndexes);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM business_income_payees WHERE company_id = @companyId AND rrn_blind_index IN {list}",
            parameters, session.Transaction, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> TryAddPayeeAsync(BusinessIncomePayee payee, ProtectedSsn rrn, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO business_income_payees (id, company_id, name, rrn_ciphertext, rrn_blind_index, rrn_last4, resident_type, business_type_code, treaty_rate_bp, created_at)
            VALUES (@Id, @CompanyId, @Name, @Ciphertext, @BlindIndex, @Last4, @ResidentType, @BusinessTypeCode, @TreatyRateBasisPoints, @CreatedAt)
            ON CONFLICT (company_id, rrn_blind_index) DO NOTHING
            """,
            new
            {
                payee.Id,
                payee.CompanyId,
                payee.Name,
                rrn.Ciphertext,
                rrn.BlindIndex,
                rrn.Last4,
                ResidentType = BusinessIncomeText.Of(payee.ResidentType),
                payee.BusinessTypeCode,
                payee.TreatyRateBasisPoints,
                payee.CreatedAt,
            },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<BusinessIncomePayee>> PayeesAsync(Guid companyId, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { companyId });
        var only = ids is null ? string.Empty : " AND " + SqlIn.Any(connection, parameters, "id", "ids", ids.Distinct());
        var rows = await connection.QueryAsync<PayeeRow>(new CommandDefinition(
            $"SELECT {PayeeColumns} FROM business_income_payees WHERE company_id = @companyId{only} ORDER BY name, id",
            parameters, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task AddSheetAsync(BusinessIncomeSheet sheet, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO business_income_sheets (id, company_id, pay_date, pay_year, pay_month, status, void_reason, approved_at, voided_at, created_at, updated_at)
            VALUES (@Id, @CompanyId, @PayDate, @PayYear, @PayMonth, @Status, NULL, NULL, NULL, @CreatedAt, @UpdatedAt)
            """,
            new
            {
                sheet.Id,
                sheet.CompanyId,
                sheet.PayDate,
                PayYear = sheet.PayDate.Year,
                PayMonth = sheet.PayDate.Month,
                Status = BusinessIncomeText.Of(sheet.Status),
                sheet.CreatedAt,
                sheet.UpdatedAt,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        foreach (var line in sheet.Lines)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO business_income_lines (sheet_id, line_no, payee_id, amount, rate_bp, income_tax, local_income_tax, net_amount, small_amount_exempt)
                VALUES (@SheetId, @LineNumber, @PayeeId, @Amount, @Rate, @IncomeTax, @LocalIncomeTax, @NetAmount, @SmallAmountExempt)
                """,
                new
                {
                    SheetId = sheet.Id,
                    line.LineNumber,
                    line.PayeeId,
                    line.Figures.Amount,
                    Rate = line.Figures.RateBasisPoints,
                    line.Figures.IncomeTax,
                    line.Figures.LocalIncomeTax,
                    line.Figures.NetAmount,
                    line.Figures.SmallAmountExempt,
                },
                session.Transaction,
                cancellationToken: cancellationToken));
        }
    }

    public async Task<BusinessIncomeSheet?> GetSheetAsync(Guid companyId, Guid sheetId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var header = await connection.QuerySingleOrDefaultAsync<SheetRow>(new CommandDefinition(
            """
            SELECT id AS Id, company_id AS CompanyId, pay_date AS PayDate, status AS Status, void_reason AS VoidReason, approved_at AS ApprovedAt,
                   voided_at AS VoidedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM business_income_sheets WHERE company_id = @companyId AND id = @sheetId
            """,
            new { companyId, sheetId }, session.Transaction, cancellationToken: cancellationToken));
        if (header is null)
        {
            return null;
        }

        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT line_no AS LineNumber, payee_id AS PayeeId, amount AS Amount, rate_bp AS Rate, income_tax AS IncomeTax, local_income_tax AS LocalIncomeTax,
                   net_amount AS NetAmount, small_amount_exempt AS SmallAmountExempt
            FROM business_income_lines WHERE sheet_id = @sheetId ORDER BY line_no
            """,
            new { sheetId }, session.Transaction, cancellationToken: cancellationToken));
        return BusinessIncomeSheet.Restore(
            header.Id, header.CompanyId, header.PayDate, BusinessIncomeText.ParseStatus(header.Status), [.. lines.Select(l => l.ToDomain())], header.VoidReason,
            header.ApprovedAt, header.VoidedAt, header.CreatedAt, header.UpdatedAt);
    }

    public async Task UpdateSheetStatusAsync(BusinessIncomeSheet sheet, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE business_income_sheets SET status = @Status, void_reason = @VoidReason, approved_at = @ApprovedAt, voided_at = @VoidedAt, updated_at = @UpdatedAt
            WHERE company_id = @CompanyId AND id = @Id
            """,
            new { sheet.Id, sheet.CompanyId, Status = BusinessIncomeText.Of(sheet.Status), sheet.VoidReason, sheet.ApprovedAt, sheet.VoidedAt, sheet.UpdatedAt },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<BusinessIncomeSheetSummaryDto>> ListSheetsAsync(Guid companyId, int year, int? month, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            SELECT s.id AS Id, s.pay_date AS PayDate, s.status AS Status, CAST(count(l.line_no) AS bigint) AS Lines, CAST(COALESCE(sum(l.amount), 0) AS bigint) AS Amount,
                   CAST(COALESCE(sum(l.income_tax), 0) AS bigint) AS IncomeTax, CAST(COALESCE(sum(l.local_income_tax), 0) AS bigint) AS LocalIncomeTax,
                   CAST(COALESCE(sum(l.net_amount), 0) AS bigint) AS NetAmount
            FROM business_income_sheets s LEFT JOIN business_income_lines l ON l.sheet_id = s.id
            WHERE s.company_id = @companyId AND s.pay_year = @year{(month is null ? string.Empty : " AND s.pay_month = @month")}
            GROUP BY s.id, s.pay_date, s.status, s.created_at
            ORDER BY s.pay_date DESC, s.created_at DESC, s.id
            """,
            new { companyId, year, month }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new BusinessIncomeSheetSummaryDto(r.Id, r.PayDate, r.Status, (int)r.Lines, r.Amount, r.IncomeTax, r.LocalIncomeTax, r.NetAmount))];
    }

    public async Task<IReadOnlyList<BusinessIncomeMonthDto>> ApprovedTotalsAsync(
        Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MonthRow>(new CommandDefinition(
            """
            SELECT CAST(s.pay_month AS bigint) AS Month, CAST(count(DISTINCT l.payee_id) AS bigint) AS Payees, CAST(sum(l.amount) AS bigint) AS Amount,
                   CAST(sum(l.income_tax) AS bigint) AS IncomeTax, CAST(sum(l.local_income_tax) AS bigint) AS LocalIncomeTax
            FROM business_income_sheets s JOIN business_income_lines l ON l.sheet_id = s.id
            WHERE s.company_id = @companyId AND s.status = 'approved' AND s.pay_year = @year AND s.pay_month BETWEEN @first AND @last
            GROUP BY s.pay_month
            """,
            new { companyId, year, first = months.Min(), last = months.Max() }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Where(r => months.Contains((int)r.Month)).Select(r => new BusinessIncomeMonthDto((int)r.Month, (int)r.Payees, r.Amount, r.IncomeTax, r.LocalIncomeTax))];
    }

    public async Task<int> ApprovedPayeesAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT CAST(count(DISTINCT l.payee_id) AS bigint)
            FROM business_income_sheets s JOIN business_income_lines l ON l.sheet_id = s.id
            WHERE s.company_id = @companyId AND s.status = 'approved' AND s.pay_year = @year AND s.pay_month BETWEEN @first AND @last
            """,
            new { companyId, year, first = months.Min(), last = months.Max() }, session.Transaction, cancellationToken: cancellationToken));
    }

    public async IAsyncEnumerable<PayrollRegisterRow> ExportRowsAsync(Guid companyId, Guid sheetId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            """
            SELECT s.id, s.status, s.pay_date, p.name, p.rrn_last4, l.amount, l.income_tax, l.local_income_tax, l.net_amount, p.resident_type,
                   p.business_type_code, l.rate_bp
            FROM business_income_sheets s
            JOIN business_income_lines l ON l.sheet_id = s.id
            JOIN business_income_payees p ON p.id = l.payee_id
            WHERE s.company_id = @companyId AND s.id = @sheetId
            ORDER BY l.line_no
            """,
            new { companyId, sheetId }, session.Transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var payDate = reader.GetFieldValue<DateOnly>(2);
            yield return new PayrollRegisterRow(
                reader.GetGuid(0),
                reader.GetString(1),
                payDate,
                new DateOnly(payDate.Year, payDate.Month, 1),
                new DateOnly(payDate.Year, payDate.Month, DateTime.DaysInMonth(payDate.Year, payDate.Month)),
                reader.GetString(3),
                ResidentRegistrationNumber.Mask(reader.GetString(4)),
                [reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)],
                BusinessIncomeExports.Texts(reader.GetString(9), reader.GetString(10), reader.GetInt32(11), payDate));
        }
    }

    private sealed class PayeeRow
    {
        public Guid Id { get; init; }

        public Guid CompanyId { get; init; }

        public string Name { get; init; } = string.Empty;

        public string RrnLast4 { get; init; } = string.Empty;

        public string ResidentType { get; init; } = string.Empty;

        public string BusinessTypeCode { get; init; } = string.Empty;

        public int? TreatyRateBasisPoints { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public BusinessIncomePayee ToDomain() => new(
            Id, CompanyId, Name, RrnLast4, BusinessIncomeText.ParseResidentType(ResidentType), BusinessTypeCode, TreatyRateBasisPoints, CreatedAt);
    }

    private sealed class SheetRow
    {
        public Guid Id { get; init; }

        public Guid CompanyId { get; init; }

        public DateOnly PayDate { get; init; }

        public string Status { get; init; } = string.Empty;

        public string? VoidReason { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public DateTimeOffset? VoidedAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed class LineRow
    {
        public int LineNumber { get; init; }

        public Guid PayeeId { get; init; }

        public long Amount { get; init; }

        public int Rate { get; init; }

        public long IncomeTax { get; init; }

        public long LocalIncomeTax { get; init; }

        public long NetAmount { get; init; }

        public bool SmallAmountExempt { get; init; }

        public BusinessIncomeLine ToDomain() =>
            new(LineNumber, PayeeId, new BusinessIncomeFigures(Amount, Rate, IncomeTax, LocalIncomeTax, NetAmount, SmallAmountExempt));
    }

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }

        public DateOnly PayDate { get; init; }

        public string Status { get; init; } = string.Empty;

        public long Lines { get; init; }

        public long Amount { get; init; }

        public long IncomeTax { get; init; }

        public long LocalIncomeTax { get; init; }

        public long NetAmount { get; init; }
    }

    private sealed class MonthRow
    {
        public long Month { get; init; }

        public long Payees { get; init; }

        public long Amount { get; init; }

        public long IncomeTax { get; init; }

        public long LocalIncomeTax { get; init; }
    }
}
