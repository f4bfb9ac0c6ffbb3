using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Idempotency;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>Leases and retention of idempotency keys, with the clock moved forward instead of waiting.</summary>
public sealed class IdempotencyStoreTests
{
    private static readonly IdempotencyScope Scope = new("anonymous", "POST", "/api/companies/{companyId:guid}/payrolls", "key-1");
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Claim_WhenTheHoldersLeaseRanOut_ShouldLetOneRequestTakeOverAndRefuseTheOldHoldersCompletion(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var clock = new MovableClock();
        await using var scope = app.Services.CreateAsyncScope();
        var store = new IdempotencyStore(scope.ServiceProvider.GetRequiredService<DbSession>(), clock);

        var first = (ClaimOutcome.Claimed)await store.ClaimAsync(Scope, "fp", "r1", Lease, Retention, default);
        var whileHeld = await store.ClaimAsync(Scope, "fp", "r2", Lease, Retention, default);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takeover = await store.ClaimAsync(Scope, "fp", "r3", Lease, Retention, default);
        var lateCompletion = await store.CompleteAsync(Scope, first.OwnerToken, new StoredResponse(201, null, "application/json", "{}"), default);
        var completion = await store.CompleteAsync(Scope, ((ClaimOutcome.Claimed)takeover).OwnerToken, new StoredResponse(201, "/x", "application/json", "{\"a\":1}"), default);
        var replay = await store.ClaimAsync(Scope, "fp", "r4", Lease, Retention, default);

        whileHeld.ShouldBeOfType<ClaimOutcome.InFlight>().RetryAfter.ShouldBeInRange(Lease - TimeSpan.FromSeconds(1), Lease);
        takeover.ShouldBeOfType<ClaimOutcome.Claimed>().OwnerToken.ShouldNotBe(first.OwnerToken);
        lateCompletion.ShouldBeFalse();
        completion.ShouldBeTrue();
        var completed = replay.ShouldBeOfType<ClaimOutcome.Completed>();
        completed.Response.ShouldBe(new StoredResponse(201, "/x", "application/json", "{\"a\":1}"));
        completed.OriginalRequestId.ShouldBe("r3");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Release_WhenTheRequestFailed_ShouldFreeTheKeyAtOnce(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var store = new IdempotencyStore(scope.ServiceProvider.GetRequiredService<DbSession>(), new MovableClock());
        var claimed = (ClaimOutcome.Claimed)await store.ClaimAsync(Scope, "fp", "r1", Lease, Retention, default);

        await store.ReleaseAsync(Scope, claimed.OwnerToken, default);

        (await store.ClaimAsync(Scope, "other-fp", "r2", Lease, Retention, default)).ShouldBeOfType<ClaimOutcome.Claimed>();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Prune_WhenKeysArePastRetention_ShouldRemoveThemAndForgetTheKey(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var clock = new MovableClock();
        await using var scope = app.Services.CreateAsyncScope();
        var store = new IdempotencyStore(scope.ServiceProvider.GetRequiredService<DbSession>(), clock);
        var old = (ClaimOutcome.Claimed)await store.ClaimAsync(Scope, "fp", "r1", Lease, Retention, default);
        await store.CompleteAsync(Scope, old.OwnerToken, new StoredResponse(201, null, "application/json", "{}"), default);
        clock.Advance(TimeSpan.FromHours(23));
        await store.ClaimAsync(Scope with { Key = "key-2" }, "fp", "r2", Lease, Retention, default);

        var prunedEarly = await store.PruneAsync(default);
        clock.Advance(TimeSpan.FromHours(2));
        var pruned = await store.PruneAsync(default);
        var reused = await store.ClaimAsync(Scope, "new-fp", "r3", Lease, Retention, default);

        prunedEarly.ShouldBe(0);
        pruned.ShouldBe(1);
        reused.ShouldBeOfType<ClaimOutcome.Claimed>();
        (await store.ClaimAsync(Scope with { Key = "key-2" }, "fp", "r4", Lease, Retention, default)).ShouldBeOfType<ClaimOutcome.Claimed>();
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
