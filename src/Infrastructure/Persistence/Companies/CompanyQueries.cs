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

    public async Task<IReadOnlyList<CompanyDto>> ListAsync(KeysetCursor? after, int take, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        if (only is { Count: 0 })
        {
            return [];
        }

        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { take, createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default });
        var conditions = new List<string>();
        if (after is not null)
        {
            conditions.Add("(c.created_at, c.id) > (@createdAt, @id)");
        }

        if (only is not null)
        {
            conditions.Add(SqlIn.Any(connection, parameters, "c.id", "only", only));
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        var rows = await connection.QueryAsync<CompanyRow>(new CommandDefinition(
            $"SELECT {CompanyRow.Columns} FROM {CompanyRow.From} {where} ORDER BY c.created_at, c.id LIMIT @take",
            parameters,
            session.Transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDto())];
    }
}
