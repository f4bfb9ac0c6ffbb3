using System.Text.Json;
using Dapper;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Regimes;

/// <summary>
/// Storage for a regime that brings no tables: a line's details as a JSON document in <c>payroll_lines.details</c>. The
/// register reads the core amounts (gross, supplemental, employee taxes, post-tax deductions, net pay) in that order, since
/// SQL cannot read a document the same way on both databases.
/// </summary>
public sealed class JsonLineStorage<TDetails>(string regime, DbSession session) : IPayrollLineStorage
    where TDetails : class, IPayrollLineDetails
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Regime => regime;

    public IReadOnlyList<string> OwnedColumns { get; } = ["details"];

    public IEnumerable<object?> OwnedValues(PayrollLine? line) =>
        [line?.Details is TDetails details ? JsonSerializer.Serialize(details, Json) : null];

    public async Task<IReadOnlyDictionary<int, IPayrollLineDetails>> LoadAsync(Guid payrollId, int? lineNo, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT line_no AS LineNo, details AS Details FROM payroll_lines WHERE payroll_id = @payrollId {(lineNo is null ? "" : "AND line_no = @lineNo")}",
            new { payrollId, lineNo }, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.LineNo, r => (IPayrollLineDetails)JsonSerializer.Deserialize<TDetails>(r.Details!, Json)!);
    }

    public Task SaveAsync(Guid payrollId, IReadOnlyList<PayrollLine> lines, LineRowWriter rows, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(Guid payrollId, CancellationToken cancellationToken) => Task.CompletedTask;

    public IReadOnlyList<KeyValuePair<string, string>> TotalsSums => [];

    public string RegisterAmounts =>
        "l.gross_wages, l.supplemental_wages, l.gross_wages + l.supplemental_wages - l.post_tax_deductions - l.net_pay, l.post_tax_deductions, l.net_pay";

    public string RegisterJoin => string.Empty;

    private sealed class Row
    {
        public int LineNo { get; init; }

        public string? Details { get; init; }
    }
}
