using System.Net;
using System.Net.Http.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Health;

/// <summary>
/// A SQLite file removed or replaced under a running server: without a check, pooled connections go on acknowledging writes
/// into the unlinked file and new ones create an empty database. The server must notice, turn unready and refuse with 503.
/// SQLite only: a PostgreSQL server owns its files.
/// </summary>
public sealed class DatabaseFileTests
{
    [Theory]
    [InlineData("removed")]
    [InlineData("replaced")]
    public async Task Write_WhenTheSqliteFileIsRemovedOrReplacedWhileServing_ShouldAnswer503TurnUnreadyAndCreateNoNewFile(string change)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/companies", new { name = "Before Co", slug = "before-co" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = app.Database.Settings.SqlitePath!;

        if (change == "removed")
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
        else
        {
            var copy = path + ".copy";
            File.Copy(path, copy);
            File.Move(copy, path, overwrite: true);
        }

        var refused = await client.PostAsJsonAsync("/api/companies", new { name = "After Co", slug = "after-co" });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("type").GetString()!.ShouldEndWith("storage-unavailable");
        var unready = await app.CreateAnonymousClient().GetAsync("/api/readyz");
        var problem = await unready.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("failedChecks").EnumerateArray().Select(c => c.GetString()).ShouldContain("database-file");
        // Anonymous callers see which check failed, not its reason (the path), since issue 19; the administrator and the log do.
        problem.GetProperty("detail").GetString()!.ShouldContain("database-file: failed");
        problem.GetProperty("detail").GetString()!.ShouldNotContain(path);
        File.Exists(path).ShouldBe(change == "replaced", "the server must not create a new, empty database in place of the one it lost");
    }
}
