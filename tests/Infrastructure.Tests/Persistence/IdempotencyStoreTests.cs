using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Idempotency;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Persistence;

/// <summary>Holding, completing, releasing and retention of idempotency keys, with the clock moved forward instead of waiting.</summary>
public sealed class IdempotencyStoreTests
{
    private static readonly IdempotencyScope Scope = new("anonymous", "POST", "/api/companies/{companyId:guid}/payrolls", "key-1");
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly StoredResponse Created = new(201, "/x", "application/json", "{\"a\":\"\u00e9\"}"u8.ToArray());

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Claim_WhenAnotherRequestHoldsTheKey_ShouldAnswerInFlightUntilItIsReleased(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var first = Store(app, out _);
        await using var second = Store(app, out _);

        var claimed = await first.ClaimAsync(Scope, "fp", default);
        var whileHeld = await second.ClaimAsync(Scope, "fp", default);
        await first.ReleaseAsync(default);
        var afterRelease = await second.ClaimAsync(Scope, "fp", default);

        claimed.ShouldBeOfType<ClaimOutcome.Claimed>();
        whileHeld.ShouldBeOfType<ClaimOutcome.InFlight>().RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        afterRelease.ShouldBeOfType<ClaimOutcome.Claimed>();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Key_WhenClaimedByAnotherCaller_ShouldNotCollide(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var aliceScope = app.Services.CreateAsyncScope();
        await using var bobScope = app.Services.CreateAsyncScope();
        await using var againScope = app.Services.CreateAsyncScope();

        var alice = await aliceScope.ServiceProvider.GetRequiredService<IIdempotencyStore>().ClaimAsync(new IdempotencyScope("alice", "POST", "/api/companies", "k"), "f1", default);
        var bob = await bobScope.ServiceProvider.GetRequiredService<IIdempotencyStore>().ClaimAsync(new IdempotencyScope("bob", "POST", "/api/companies", "k"), "f2", default);
        var aliceAgain = await againScope.ServiceProvider.GetRequiredService<IIdempotencyStore>().ClaimAsync(new IdempotencyScope("alice", "POST", "/api/companies", "k"), "f1", default);

        alice.ShouldBeOfType<ClaimOutcome.Claimed>();
        bob.ShouldBeOfType<ClaimOutcome.Claimed>();
        aliceAgain.ShouldBeOfType<ClaimOutcome.InFlight>();
    }

    [Fact]
    public async Task Claim_WhenAnotherServerHoldsTheKeyOnPostgres_ShouldAnswerInFlightUntilThatServerReleasesIt()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.PostgreSql);
        var otherServer = new IdempotencyKeysInFlight();
        await using var first = Store(app, out _);
        await using var scope = app.Services.CreateAsyncScope();
        await using (var second = new IdempotencyStore(scope.ServiceProvider.GetRequiredService<DbSession>(), otherServer, TimeProvider.System))
        {
            (await first.ClaimAsync(Scope, "fp", default)).ShouldBeOfType<ClaimOutcome.Claimed>();
            (await second.ClaimAsync(Scope, "fp", default)).ShouldBeOfType<ClaimOutcome.InFlight>();
        }

        await first.ReleaseAsync(default);
        await using var later = new IdempotencyStore(scope.ServiceProvider.GetRequiredService<DbSession>(), otherServer, TimeProvider.System);
        (await later.ClaimAsync(Scope, "fp", default)).ShouldBeOfType<ClaimOutcome.Claimed>();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Complete_WhenTheTransactionRollsBack_ShouldLeaveNothingAndWhenItCommits_ShouldReplay(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using (var rolledBack = Store(app, out var session))
        {
            (await rolledBack.ClaimAsync(Scope, "fp", default)).ShouldBeOfType<ClaimOutcome.Claimed>();
            await session.BeginAsync(default);
            rolledBack.CompleteOnCommit(Created, "fp", "r1", Retention);
            await session.RollbackAsync(default);
        }

        await using (var committed = Store(app, out var session))
        {
            (await committed.ClaimAsync(Scope, "fp", default)).ShouldBeOfType<ClaimOutcome.Claimed>();
            await session.BeginAsync(default);
            committed.CompleteOnCommit(Created, "fp", "r2", Retention);
            await session.CommitAsync(default);
        }

        await using var retry = Store(app, out _);
        var replay = (await retry.ClaimAsync(Scope, "fp", default)).ShouldBeOfType<ClaimOutcome.Completed>();
        replay.Response.ShouldBe(Created with { Body = replay.Response.Body });
        Encoding.UTF8.GetString(replay.Response.Body).ShouldBe("{\"a\":\"é\"}");
        replay.OriginalRequestId.ShouldBe("r2");
        (await retry.ClaimAsync(Scope with { Key = "key-2" }, "fp", default)).ShouldBeOfType<ClaimOutcome.Claimed>();
        await using var otherBody = Store(app, out _);
        (await otherBody.ClaimAsync(Scope, "another-fp", default)).ShouldBeOfType<ClaimOutcome.FingerprintMismatch>();
    }

    /// <summary>
    /// The response body column is text (ADR 0011: a type change would break the release before during a blue/green deploy),
    /// and the store moves it as UTF-8 bytes. Text written by SQL and bytes written by the store must read back the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ResponseBody_WhenWrittenAsBytesOrAsText_ShouldReadBackTheSameCharactersBothWays(DatabaseProvider provider)
    {
        const string Text = """{"name":"Société Générale 株式会社","note":"tab\t and emoji 😀"}""";
        await using var app = await PayrollApp.StartAsync(provider);
        var clock = new MovableClock();
        await CompleteAsync(app, clock, Scope, Created with { Body = Encoding.UTF8.GetBytes(Text) });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(default);
            (await connection.ExecuteScalarAsync<string>("SELECT response_body FROM idempotency_keys WHERE idempotency_key = 'key-1'")).ShouldBe(Text);
            if (provider == DatabaseProvider.Sqlite)
            {
                // Stored as TEXT, not as a BLOB in the text column, which a string reader would not accept.
                (await connection.ExecuteScalarAsync<string>("SELECT typeof(response_body) FROM idempotency_keys")).ShouldBe("text");
            }

            var now = clock.GetUtcNow();
            await connection.ExecuteAsync(
                """
                INSERT INTO idempotency_keys (caller, method, route, idempotency_key, fingerprint, request_id, response_status,
                                              response_content_type, response_body, created_at, expires_at)
                VALUES (@Caller, @Method, @Route, 'written-as-text', 'fp', 'r0', 201, 'application/json', @Text, @now, @expiresAt)
                """,
                new { Scope.Caller, Scope.Method, Scope.Route, Text, now, expiresAt = now + Retention });
        }

        await using var store = Store(app, out _, clock);
        var replay = (await store.ClaimAsync(Scope with { Key = "written-as-text" }, "fp", default)).ShouldBeOfType<ClaimOutcome.Completed>();
        replay.Response.Body.ShouldBe(Encoding.UTF8.GetBytes(Text));
        replay.Response.Status.ShouldBe(201);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Prune_WhenKeysArePastRetention_ShouldRemoveThemAndForgetTheKey(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var clock = new MovableClock();
        await CompleteAsync(app, clock, Scope);
        clock.Advance(TimeSpan.FromHours(23));
        await CompleteAsync(app, clock, Scope with { Key = "key-2" });
        await using var store = Store(app, out _, clock);

        var prunedEarly = await store.PruneAsync(default);
        clock.Advance(TimeSpan.FromHours(2));
        var pruned = await store.PruneAsync(default);
        var reused = await store.ClaimAsync(Scope, "new-fp", default);
        await store.ReleaseAsync(default);
        var kept = await store.ClaimAsync(Scope with { Key = "key-2" }, "fp", default);

        prunedEarly.ShouldBe(0);
        pruned.ShouldBe(1);
        reused.ShouldBeOfType<ClaimOutcome.Claimed>();
        kept.ShouldBeOfType<ClaimOutcome.Completed>();
    }

    private static async Task CompleteAsync(PayrollApp app, TimeProvider clock, IdempotencyScope scope, StoredResponse? response = null)
    {
        await using var store = Store(app, out var session, clock);
        (await store.ClaimAsync(scope, "fp", default)).ShouldBeOfType<ClaimOutcome.Claimed>();
        await session.BeginAsync(default);
        store.CompleteOnCommit(response ?? Created, "fp", "r1", Retention);
        await session.CommitAsync(default);
    }

    /// <summary>A store on a scope (and connection) of its own, as one request has; disposing it ends the scope.</summary>
    private static ScopedStore Store(PayrollApp app, out DbSession session, TimeProvider? clock = null)
    {
        var scope = app.Services.CreateAsyncScope();
        session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var store = new IdempotencyStore(session, app.Services.GetRequiredService<IdempotencyKeysInFlight>(), clock ?? TimeProvider.System);
        return new ScopedStore(store, scope);
    }

    private sealed class ScopedStore(IdempotencyStore store, AsyncServiceScope scope) : IAsyncDisposable
    {
        public Task<ClaimOutcome> ClaimAsync(IdempotencyScope key, string fingerprint, CancellationToken cancellationToken) =>
            store.ClaimAsync(key, fingerprint, cancellationToken);

        public void CompleteOnCommit(StoredResponse response, string fingerprint, string requestId, TimeSpan retention) =>
            store.CompleteOnCommit(response, fingerprint, requestId, retention);

        public Task ReleaseAsync(CancellationToken cancellationToken) => store.ReleaseAsync(cancellationToken);

        public Task<int> PruneAsync(CancellationToken cancellationToken) => store.PruneAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            await scope.DisposeAsync();
        }
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
