using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Persistence;

public sealed class UnitOfWorkTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rollback_WhenWritesWereMade_ShouldLeaveNoRow(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(CancellationToken.None);
            var connection = await session.ConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync(
                "INSERT INTO companies (id, name, slug, ein, created_at, updated_at) VALUES (@id, 'A', 'abc', NULL, @now, @now)",
                new { id = Guid.CreateVersion7(), now = DateTimeOffset.UtcNow },
                session.Transaction);
            await session.RollbackAsync(CancellationToken.None);
        }

        (await CountAsync(app)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Dispose_WhenTransactionNeverCommitted_ShouldRollBack(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(CancellationToken.None);
            var connection = await session.ConnectionAsync(CancellationToken.None);
            await connection.ExecuteAsync(
                "INSERT INTO companies (id, name, slug, ein, created_at, updated_at) VALUES (@id, 'A', 'abc', NULL, @now, @now)",
                new { id = Guid.CreateVersion7(), now = DateTimeOffset.UtcNow },
                session.Transaction);
        }

        (await CountAsync(app)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TypeHandlers_WhenRoundTripping_ShouldKeepGuidsUtcInstantsAndCentsExactly(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var id = Guid.CreateVersion7();
        var instant = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(9)).AddTicks(1234560);
        var type = provider == DatabaseProvider.Sqlite ? "INTEGER" : "bigint";
        await connection.ExecuteAsync($"CREATE TABLE probe (id {(provider == DatabaseProvider.Sqlite ? "TEXT" : "uuid")}, at {(provider == DatabaseProvider.Sqlite ? "TEXT" : "timestamptz")}, amount {type})");

        await connection.ExecuteAsync("INSERT INTO probe (id, at, amount) VALUES (@id, @at, @amount)", new { id, at = instant, amount = new Money(-123456789) });
        var row = await connection.QuerySingleAsync<ProbeRow>("SELECT id AS Id, at AS At, amount AS Amount FROM probe");

        row.Id.ShouldBe(id);
        row.At.ShouldBe(instant);
        row.At.Offset.ShouldBe(TimeSpan.Zero);
        row.Amount.ShouldBe(new Money(-123456789));
        if (provider == DatabaseProvider.Sqlite)
        {
            // Stored as text that sorts in time order, so keyset pagination agrees with PostgreSQL.
            (await connection.ExecuteScalarAsync<string>("SELECT typeof(id) || ' ' || at FROM probe")).ShouldBe("text 2026-03-03T20:06:07.1234560Z");
        }
    }

    private static async Task<long> CountAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM companies");
    }

    private sealed class ProbeRow
    {
        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }

        public Money Amount { get; init; }
    }
}
