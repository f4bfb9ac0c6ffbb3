using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Operations;

/// <param name="Commit">Null, like <paramref name="BuildTime"/>, <paramref name="SchemaVersion"/> and
/// <paramref name="Environment"/>, unless the caller is the global administrator.</param>
public sealed record MetaDto(
    string Name, string Version, string? Commit, string? BuildTime, string? SchemaVersion, string Database, string? Environment);

/// <summary>
/// What is running. Anyone sees the product, its version and the database engine; the exact commit, build time, last
/// migration and environment help an attacker match a deployment to its known bugs, so only the global administrator
/// sees them here (the metrics port has them too: <c>payroll_build_info</c>, <c>payroll_schema_info</c>).
/// </summary>
[Requires(Access.Public)]
public sealed record GetMeta : IQuery<Result<MetaDto>>
{
    public sealed class Handler(IAppInfo app, ISchemaStatusReader schema, ICurrentUser currentUser) : IQueryHandler<GetMeta, Result<MetaDto>>
    {
        public async ValueTask<Result<MetaDto>> Handle(GetMeta query, CancellationToken cancellationToken)
        {
            if (!currentUser.Caller.IsAdmin)
            {
                return new MetaDto("PayrollPortal", app.Version, null, null, null, app.Database, null);
            }

            var status = await schema.ReadAsync(cancellationToken);
            return new MetaDto("PayrollPortal", app.Version, app.Commit, app.BuildTime, status.CurrentVersion, app.Database, app.Environment);
        }
    }
}
