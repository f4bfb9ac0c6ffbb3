using System.Net;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

public sealed class RequestIdTests
{
    [Theory]
    [InlineData("abc-123")]
    [InlineData("A.b_C-9")]
    public async Task Request_WhenClientSendsWellFormedId_ShouldEchoIt(string id)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/livez");
        request.Headers.TryAddWithoutValidation("X-Request-ID", id);

        var response = await app.CreateClient().SendAsync(request);

        response.Headers.GetValues("X-Request-ID").Single().ShouldBe(id);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("")]
    public async Task Request_WhenClientIdMalformed_ShouldReplaceItWithAGeneratedOne(string id)
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/livez");
        request.Headers.TryAddWithoutValidation("X-Request-ID", id);

        var response = await app.CreateClient().SendAsync(request);

        var echoed = response.Headers.GetValues("X-Request-ID").Single();
        echoed.ShouldNotBe(id);
        echoed.ShouldMatch("^[A-Za-z0-9._-]{1,128}$");
    }

    [Fact]
    public async Task Request_WhenIdLongerThan128_ShouldBeReplaced()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/livez");
        request.Headers.TryAddWithoutValidation("X-Request-ID", new string('a', 129));

        var response = await app.CreateClient().SendAsync(request);

        response.Headers.GetValues("X-Request-ID").Single().Length.ShouldBeLessThanOrEqualTo(128);
    }

    [Fact]
    public async Task Request_WhenNoIdSent_ShouldGenerateOneAndPutItInProblems()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var first = await client.GetAsync($"/api/companies/{Guid.CreateVersion7()}");
        var second = await client.GetAsync($"/api/companies/{Guid.CreateVersion7()}");

        await first.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        first.Headers.GetValues("X-Request-ID").Single().ShouldNotBe(second.Headers.GetValues("X-Request-ID").Single());
    }
}
