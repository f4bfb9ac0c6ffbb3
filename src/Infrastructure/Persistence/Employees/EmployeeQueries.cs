using Dapper;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

internal sealed class EmployeeQueries(DbSession session) : IEmployeeQueries
{
    public async Task<IReadOnlyList<EmployeeDto>> ListAsync(
        Guid companyId, string? nameContains, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var filters = "company_id = @companyId";
        if (nameContains is not null)
        {
            filters += " AND (lower(first_name) LIKE @pattern ESCAPE '\\' OR lower(last_name) LIKE @pattern ESCAPE '\\'" +
                       " OR lower(first_name || ' ' || last_name) LIKE @pattern ESCAPE '\\')";
        }

        if (after is not null)
        {
            filters += " AND (created_at, id) > (@createdAt, @id)";
        }

        var rows = (await connection.QueryAsync<EmployeeRow>(new CommandDefinition(
            $"SELECT {EmployeeRow.Columns} FROM employees WHERE {filters} ORDER BY created_at, id LIMIT @take",
            new { companyId, pattern = LikePattern(nameContains), createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default, take },
            session.Transaction,
            cancellationToken: cancellationToken))).ToList();

        var history = await EmployeeW4History.LoadAsync(connection, session.Transaction, [.. rows.Select(r => r.Id)], cancellationToken);
        var korea = await EmployeeKoreaProfileRow.LoadForEmployeesWithoutW4Async(
            connection, session.Transaction, rows.Select(r => r.Id), history, cancellationToken);
        return [.. rows.Select(r => EmployeeDto.From(r.ToDomain(history[r.Id].Select(w => w.ToDomain()), korea[r.Id])))];
    }

    private static string LikePattern(string? fragment) =>
        fragment is null ? string.Empty : "%" + fragment.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
