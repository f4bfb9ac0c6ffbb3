using Dapper;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;

namespace PayrollPortal.Infrastructure.Persistence.Companies;

internal sealed class CompanyQueries(DbSession session) : ICompanyQueries
{
    public async Task<CompanyDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CompanyRow>(new CommandDefinition(
            $"SELECT {CompanyRow.Columns} FROM {CompanyRow.From} WHERE c.id = @id", new { id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToDto();
    }

    public async Task<IReadOnlyList<CompanyDto>> ListAsync(KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var sql = after is null
            ? $"SELECT {CompanyRow.Columns} FROM {CompanyRow.From} ORDER BY c.created_at, c.id LIMIT @take"
            : $"SELECT {CompanyRow.Columns} FROM {CompanyRow.From} WHERE (c.created_at, c.id) > (@createdAt, @id) ORDER BY c.created_at, c.id LIMIT @take";
        var rows = await connection.QueryAsync<CompanyRow>(new CommandDefinition(
            sql,
            new { take, createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default },
            session.Transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDto())];
    }
}
