using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PayrollPortal.Api.Tests.Identity;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Health;

/// <summary>
/// What a client and a load balancer see when the storage refuses writes: on SQLite a full disk (a small tmpfs filled up),
/// on PostgreSQL a database turned read-only (as after a fail-over to a standby). Writes answer 503, readiness turns 503
/// naming the check and comes back by itself, and reads never fail because of a bookkeeping write.
/// </summary>
public sealed class StorageFaultTests
{
    [MountFact]
    public Task Write_WhenTheSqliteDiskIsFull_ShouldAnswer503TurnReadinessAndRecoverOnceSpaceIsFreed() =>
        WritesRefusedThenAcceptedAsync(DiskFull.Create());

    [Fact]
    public Task Write_WhenThePostgresDatabaseTurnsReadOnly_ShouldAnswer503TurnReadinessAndRecoverOnceWritable() =>
        WritesRefusedThenAcceptedAsync(new ReadOnlyPostgres());

    [MountFact]
    public Task AuthenticatedRead_WhenTheSqliteDiskIsFull_ShouldStillAnswer200ThoughRenewalAndLastUsedCannotBeStored() =>
        ReadsServedDespiteBookkeepingAsync(DiskFull.Create());

    [Fact]
    public Task AuthenticatedRead_WhenThePostgresDatabaseIsReadOnly_ShouldStillAnswer200ThoughRenewalAndLastUsedCannotBeStored() =>
        ReadsServedDespiteBookkeepingAsync(new ReadOnlyPostgres());

    private static async Task WritesRefusedThenAcceptedAsync(IStorageFault fault)
    {
        await using (fault)
        {
            await using var app = await fault.StartAsync();
            var client = app.CreateClient();
            var probe = app.CreateAnonymousClient(); // as a load balancer asks
            (await client.GetAsync("/api/companies")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await probe.GetAsync("/api/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);

            await fault.BreakAsync(app);
            var refused = await client.PostAsJsonAsync("/api/companies", new { name = "Full Disk Co", slug = "full-disk-co" });
            (await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("type").GetString()!.ShouldEndWith("storage-unavailable");
            var unready = await probe.GetAsync("/api/readyz");
            (await unready.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("failedChecks").EnumerateArray()
                .Select(c => c.GetString()).ShouldBe(["storage"]);
            (await probe.GetAsync("/api/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "readiness stays 503 while the storage refuses writes");

            await fault.MendAsync(app);
            (await probe.GetAsync("/api/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK, "readiness recovers once a write succeeds");
            (await client.PostAsJsonAsync("/api/companies", new { name = "Full Disk Co", slug = "full-disk-co" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            await using var connection = await fault.Database(app).OpenAsync();
            (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM companies WHERE slug = 'full-disk-co'")).ShouldBe(1L);
        }
    }

    private static async Task ReadsServedDespiteBookkeepingAsync(IStorageFault fault)
    {
        await using (fault)
        {
            await using var app = await fault.StartAsync();

            // A token never used yet (its first use writes last_used_at) and a session due for its sliding renewal.
            var (_, token) = await app.CreateMemberAsync("admin");
            using var tokenClient = app.CreateAnonymousClient();
            tokenClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var session = await Sessions.SignInAsync(app, PayrollApp.AdminEmail, TestKeys.AdminPassword);
            await using (var connection = await fault.Database(app).OpenAsync())
            {
                await connection.ExecuteAsync("UPDATE sessions SET expires_at = @dueForRenewal", new { dueForRenewal = DateTimeOffset.UtcNow.AddHours(7) });
            }

            await fault.BreakAsync(app);
            (await tokenClient.GetAsync("/api/companies")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var me = await session.Client.GetAsync("/api/auth/me");
            me.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("email").GetString().ShouldBe(PayrollApp.AdminEmail);
            (await app.CreateAnonymousClient().GetAsync("/api/readyz")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "the failed bookkeeping writes tell readiness");
            app.Logs.All.ShouldContain("Could not store the token last-used write");
            app.Logs.All.ShouldContain("Could not store the session renewal write");

            await fault.MendAsync(app);
            (await app.CreateAnonymousClient().GetAsync("/api/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private interface IStorageFault : IAsyncDisposable
    {
        Task<PayrollApp> StartAsync();

        TestDatabase Database(PayrollApp app);

        Task BreakAsync(PayrollApp app);

        Task MendAsync(PayrollApp app);
    }

    /// <summary>The SQLite database on a 24 MB tmpfs, filled to the last byte.</summary>
    private sealed class DiskFull(SmallFilesystem filesystem, TestDatabase database) : IStorageFault
    {
        public static DiskFull Create()
        {
            var filesystem = SmallFilesystem.Mount(24);
            return new DiskFull(filesystem, TestDatabase.SqliteIn(filesystem.Path));
        }

        public Task<PayrollApp> StartAsync() => Task.Run(() => PayrollApp.StartOn(database));

        public TestDatabase Database(PayrollApp app) => database;

        public async Task BreakAsync(PayrollApp app)
        {
            // An empty WAL, so that the next commit needs new blocks instead of reusing the old log's.
            await using (var connection = (SqliteConnection)await database.OpenAsync())
            {
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await using var result = await checkpoint.ExecuteReaderAsync();
                (await result.ReadAsync()).ShouldBeTrue();
                result.GetInt64(0).ShouldBe(0L, "the checkpoint was blocked");
            }

            filesystem.FillUp();
        }

        public Task MendAsync(PayrollApp app)
        {
            filesystem.FreeUp();
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await database.DisposeAsync();
            filesystem.Dispose();
        }
    }

    /// <summary>The PostgreSQL database set read-only for new sessions, with the app's pool emptied so it gets new ones.</summary>
    private sealed class ReadOnlyPostgres : IStorageFault
    {
        private TestDatabase? _database;

        public async Task<PayrollApp> StartAsync()
        {
            _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
            return await Task.Run(() => PayrollApp.StartOn(_database));
        }

        public TestDatabase Database(PayrollApp app) => _database!;

        public Task BreakAsync(PayrollApp app) => SetReadOnlyAsync(app, "on");

        public Task MendAsync(PayrollApp app) => SetReadOnlyAsync(app, "off");

        public async ValueTask DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }

        private async Task SetReadOnlyAsync(PayrollApp app, string value)
        {
            var name = new NpgsqlConnectionStringBuilder(_database!.Settings.ConnectionString).Database;
            await using (var admin = new NpgsqlConnection(DatabaseSettings.Parse(TestDatabase.ServerUrl()).ConnectionString))
            {
                await admin.OpenAsync();
                await admin.ExecuteAsync($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = {value}");
            }

            app.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        }
    }
}
