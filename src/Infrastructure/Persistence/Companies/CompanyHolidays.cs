using Dapper;
using PayrollPortal.Application.Calendars;
using PayrollPortal.Domain.Calendars;

namespace PayrollPortal.Infrastructure.Persistence.Companies;

/// <summary><c>company_holidays</c>: replaced as a whole, on the command's transaction.</summary>
internal sealed class CompanyHolidays(DbSession session) : ICompanyHolidays
{
    public async Task<IReadOnlyList<Holiday>> ListAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(DateOnly Date, string Name)>(new CommandDefinition(
            "SELECT date, name FROM company_holidays WHERE company_id = @companyId ORDER BY date",
            new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Holiday(r.Date, r.Name))];
    }

    public async Task ReplaceAsync(Guid companyId, IReadOnlyList<Holiday> holidays, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM company_holidays WHERE company_id = @companyId", new { companyId }, session.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO company_holidays (company_id, date, name) VALUES (@companyId, @Date, @Name)",
            holidays.Select(h => new { companyId, h.Date, h.Name }), session.Transaction, cancellationToken: cancellationToken));
    }
}
