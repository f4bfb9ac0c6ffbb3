using Dapper;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Infrastructure.Persistence.Regimes;

namespace PayrollPortal.Infrastructure.Persistence.Employees;

internal sealed class EmployeeQueries(DbSession session, RegimeParts<IEmployeeProfileStorage> storages) : IEmployeeQueries
{
    public async Task<IReadOnlyList<Employee>> ListAsync(
        Guid companyId, string? nameContains, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var filters = "e.company_id = @companyId";
        if (nameContains is not null)
        {
            filters += " AND (lower(e.first_name) LIKE @pattern ESCAPE '\\' OR lower(e.last_name) LIKE @pattern ESCAPE '\\'" +
                       " OR lower(e.first_name || ' ' || e.last_name) LIKE @pattern ESCAPE '\\')";
        }

        if (after is not null)
        {
            filters += " AND (e.created_at, e.id) > (@createdAt, @id)";
        }

        var rows = (await connection.QueryAsync<EmployeeRow>(new CommandDefinition(
            $"SELECT {EmployeeRow.Columns} FROM {EmployeeRow.From} WHERE {filters} ORDER BY e.created_at, e.id LIMIT @take",
            new { companyId, pattern = LikePattern(nameContains), createdAt = after?.CreatedAt ?? default, id = after?.Id ?? default, take },
            session.Transaction,
            cancellationToken: cancellationToken))).AsList();
        return rows.Count == 0 ? [] : await EmployeeProfiles.AttachAsync(rows, storages, cancellationToken);
    }

    private static string LikePattern(string? fragment) =>
        fragment is null ? string.Empty : "%" + fragment.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
