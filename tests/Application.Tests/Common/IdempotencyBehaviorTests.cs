using System.Text;
using System.Text.Json;
using Dapper;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Common;

/// <summary>
/// The idempotency behaviour for a sender that is not the HTTP host (a CLI verb, a job): the same look-up, replay, refusal
/// and storage, through the real pipeline, on both databases.
/// </summary>
public sealed class IdempotencyBehaviorTests
{
    private static readonly IdempotencyRequest Key = new("create", "company", "job-42", "fingerprint-1");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Send_WhenTheKeyIsSentAgain_ShouldReplayTheStoredAnswerAndCreateOneCompany(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        var (first, firstAnswer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", null), Key, Render);
        var (again, againAnswer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", null), Key, Render);

        first.IsSuccess.ShouldBeTrue();
        var stored = firstAnswer.ShouldBeOfType<IdempotencyAnswer.Stored>().Response;
        stored.Status.ShouldBe(200);
        again.FirstError.ShouldBe(IdempotencyErrors.Replayed);
        var replayed = againAnswer.ShouldBeOfType<IdempotencyAnswer.Replayed>();
        replayed.Response.Body.ShouldBe(stored.Body);
        JsonDocument.Parse(replayed.Response.Body).RootElement.GetProperty("Id").GetGuid().ShouldBe(first.Value!.Id);
        (await CountAsync(app, "companies")).ShouldBe(1);
        (await CountAsync(app, "idempotency_keys")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Send_WhenTheKeyComesWithAnotherRequest_ShouldRefuseItWithoutExecuting(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", null), Key, Render);

        var (other, answer) = await app.SendKeyedAsync<Result<CompanyDto>>(
            new CreateCompany("Other", "other", null), Key with { Fingerprint = "fingerprint-2" }, Render);

        other.FirstError.ShouldBe(IdempotencyErrors.KeyReused);
        answer.ShouldBeOfType<IdempotencyAnswer.KeyReused>();
        (await CountAsync(app, "companies")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Send_WhenTheFirstAnswerWasAClientError_ShouldStoreItAndReplayItWithoutExecutingAgain(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        await app.SendAsync<Result<CompanyDto>>(new CreateCompany("First", "acme", null));
        var invalidKey = Key with { Key = "job-43" };

        var (taken, takenAnswer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Second", "acme", null), Key, Render);
        var (takenAgain, takenAgainAnswer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Second", "acme", null), Key, Render);
        var (invalid, invalidAnswer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("", "not a slug", null), invalidKey, Render);
        var (invalidAgain, invalidAgainAnswer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("", "not a slug", null), invalidKey, Render);

        taken.FirstError.Type.ShouldBe(ErrorType.Conflict);
        var conflict = takenAnswer.ShouldBeOfType<IdempotencyAnswer.Stored>().Response;
        conflict.Status.ShouldBe(409);
        takenAgain.FirstError.ShouldBe(IdempotencyErrors.Replayed);
        var replayed = takenAgainAnswer.ShouldBeOfType<IdempotencyAnswer.Replayed>().Response;
        replayed.Status.ShouldBe(409);
        Encoding.UTF8.GetString(replayed.Body).ShouldBe("company.slug_taken");
        invalid.FirstError.Type.ShouldBe(ErrorType.Validation);
        invalidAnswer.ShouldBeOfType<IdempotencyAnswer.Stored>().Response.Status.ShouldBe(400);
        invalidAgain.FirstError.ShouldBe(IdempotencyErrors.Replayed, "a replay is answered before validation");
        invalidAgainAnswer.ShouldBeOfType<IdempotencyAnswer.Replayed>().Response.Status.ShouldBe(400);
        (await CountAsync(app, "companies")).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Send_WhenTheCommandThrows_ShouldStoreNothingSoTheKeyCanBeRetried(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);

        await Should.ThrowAsync<InvalidOperationException>(() =>
            app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", null), Key, _ => throw new InvalidOperationException("renderer broke")));
        var (retry, answer) = await app.SendKeyedAsync<Result<CompanyDto>>(new CreateCompany("Acme", "acme", null), Key, Render);

        retry.IsSuccess.ShouldBeTrue();
        answer.ShouldBeOfType<IdempotencyAnswer.Stored>();
        (await CountAsync(app, "companies")).ShouldBe(1);
    }

    /// <summary>A sender's own rendering of a result: 200 with the value, or 400/409 with the errors, as JSON.</summary>
    private static StoredResponse Render(object response)
    {
        var result = (Result<CompanyDto>)response;
        var status = result.IsSuccess ? 200 : result.FirstError.Type == ErrorType.Validation ? 400 : 409;
        var body = result.IsSuccess ? JsonSerializer.SerializeToUtf8Bytes(result.Value) : Encoding.UTF8.GetBytes(string.Join(";", result.Errors.Select(e => e.Code)));
        return new StoredResponse(status, null, "application/json", body);
    }

    private static async Task<long> CountAsync(PayrollApp app, string table)
    {
        await using var connection = await app.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
