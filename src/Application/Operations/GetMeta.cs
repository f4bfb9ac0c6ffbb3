using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Operations;

public sealed record MetaDto(string Name, string Version, string? Commit, string? BuildTime, string? SchemaVersion, string Database, string Environment);

/// <summary>What is running: the build, the database engine and the last applied migration.</summary>
[Requires(Access.Public)]
public sealed record GetMeta : IQuery<Result<MetaDto>>
{
    public sealed class Handler(IAppInfo app, ISchemaStatusReader schema) : IQueryHandler<GetMeta, Result<MetaDto>>
    {
        public async ValueTask<Result<MetaDto>> Handle(GetMeta query, CancellationToken cancellationToken)
        {
            var status = await schema.ReadAsync(cancellationToken);
            return new MetaDto("PayrollPortal", app.Version, app.Commit, app.BuildTime, status.CurrentVersion, app.Database, app.Environment);
        }
    }
}
