using Dapper;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Infrastructure.Persistence.Schedules;

/// <summary><c>pay_schedules</c>, and the live payrolls of their periods (<c>payrolls.pay_schedule_id</c>).</summary>
internal sealed class PaySchedules(DbSession session) : IPaySchedules
{
    private const string Columns =
        "id AS Id, company_id AS CompanyId, name AS Name, frequency AS Frequency, first_period_start AS FirstPeriodStart, " +
        "pay_date_offset_days AS PayDateOffsetDays, pay_day_of_month AS PayDayOfMonth, pay_in_next_month AS PayInNextMonth, created_at AS CreatedAt";

    public async Task<PaySchedule?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM pay_schedules WHERE id = @id AND company_id = @companyId",
            new { id, companyId }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<PaySchedule>> ListAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM pay_schedules WHERE company_id = @companyId ORDER BY name, id",
            new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<bool> TryAddAsync(PaySchedule schedule, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pay_schedules (id, company_id, name, frequency, first_period_start, pay_date_offset_days, pay_day_of_month, pay_in_next_month, created_at)
            VALUES (@Id, @CompanyId, @Name, @Frequency, @FirstPeriodStart, @PayDateOffsetDays, @PayDayOfMonth, @PayInNextMonth, @CreatedAt)
            ON CONFLICT (company_id, name) DO NOTHING
            """,
            new
            {
                schedule.Id,
                schedule.CompanyId,
                schedule.Name,
                Frequency = EnumText.ToText(schedule.Frequency),
                schedule.FirstPeriodStart,
                schedule.PayDateOffsetDays,
                schedule.PayDayOfMonth,
                schedule.PayInNextMonth,
                schedule.CreatedAt,
            },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyDictionary<DateOnly, (Guid PayrollId, string Status)>> LivePayrollsAsync(
        Guid scheduleId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateOnly PeriodStart, Guid Id, string Status)>(new CommandDefinition(
            """
            SELECT period_start, id, status FROM payrolls
            WHERE pay_schedule_id = @scheduleId AND period_start >= @from AND period_start <= @to AND status IN ('draft', 'approved')
            """,
            new { scheduleId, from, to }, session.Transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.PeriodStart, r => (r.Id, r.Status));
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid CompanyId { get; init; }

        public string Name { get; init; } = string.Empty;

        public string Frequency { get; init; } = string.Empty;

        public DateOnly FirstPeriodStart { get; init; }

        public int PayDateOffsetDays { get; init; }

        public int? PayDayOfMonth { get; init; }

        public bool PayInNextMonth { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public PaySchedule ToDomain() => new(
            Id, CompanyId, Name, EnumText.ParsePayFrequency(Frequency), FirstPeriodStart, PayDateOffsetDays, PayDayOfMonth, PayInNextMonth, CreatedAt);
    }
}
