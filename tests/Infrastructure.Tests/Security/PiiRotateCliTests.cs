using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Cli;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Security;
using PayrollPortal.TestSupport;
using static PayrollPortal.Infrastructure.Tests.Security.PiiCli;

namespace PayrollPortal.Infrastructure.Tests.Security;

/// <summary>
/// <c>payroll pii rotate</c> and <c>pii new-key</c> in process, on databases written by the real app under an old key and read
/// back by the app restarted with the new ring, as an operator would rotate.
/// </summary>
public sealed class PiiRotateCliTests
{
    private static readonly string[] OldSsns = ["123-45-6789", "234-56-7890", "345-67-8901"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PiiRotate_WhenSsnsWereStoredUnderTheOldKey_ShouldReencryptThemUnderTheNewKeyAndKeepFindingDuplicates(DatabaseProvider provider)
    {
        var keyA = PiiKeyRing.NewEntry("ka");
        var keyB = PiiKeyRing.NewEntry("kb");
        await using var underA = await PayrollApp.StartAsync(provider, Keys(keyA));
        var company = await underA.CompanyAsync();
        foreach (var ssn in OldSsns)
        {
            await underA.EmployeeAsync(company.Id, ssn, lastName: "Old" + ssn[..3]);
        }

        await using (var restarted = PayrollApp.StartOn(underA.Database, Keys($"{keyB},{keyA}")))
        {
            (await CreateAsync(restarted, company.Id, "123456789")).Errors.ShouldHaveSingleItem().Code.ShouldBe("employee.ssn_taken");
            (await CreateAsync(restarted, company.Id, "456-78-9012")).IsSuccess.ShouldBeTrue();
        }

        var first = await RunAsync(underA.Database.Url, $"{keyB},{keyA}", "pii", "rotate", "--batch-size", "2");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("rotated 3 of 4 employee SSN(s) to key kb");
        var stored = await StoredAsync(underA);
        stored.ShouldAllBe(s => s.Ciphertext.StartsWith("v1:kb:") && s.BlindIndex.StartsWith("kb:"));
        var onlyB = new AesGcmPiiProtector(PiiKeyRing.Parse(keyB));
        stored.Select(s => onlyB.Unprotect(s.Ciphertext)).Order().ShouldBe(["123456789", "234567890", "345678901", "456789012"]);
        (first.Output + first.Error).ShouldNotContain("123456789");

        var second = await RunAsync(underA.Database.Url, $"{keyB},{keyA}", "pii", "rotate");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldContain("rotated 0 of 4 employee SSN(s) to key kb");
        (await StoredAsync(underA)).ShouldBe(stored);

        await using var underBAlone = PayrollApp.StartOn(underA.Database, Keys(keyB));
        (await CreateAsync(underBAlone, company.Id, "234567890")).Errors.ShouldHaveSingleItem().Code.ShouldBe("employee.ssn_taken");
        (await CreateAsync(underBAlone, company.Id, "456789012")).Errors.ShouldHaveSingleItem().Code.ShouldBe("employee.ssn_taken");
        (await CreateAsync(underBAlone, company.Id, "567-89-0123")).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PiiRotate_WhenTheOldKeyIsMissingFromTheRing_ShouldExit7NamingEachEmployeeAndChangeNothing(DatabaseProvider provider)
    {
        var keyA = PiiKeyRing.NewEntry("ka");
        await using var app = await PayrollApp.StartAsync(provider, Keys(keyA));
        var company = await app.CompanyAsync();
        var employee = await app.EmployeeAsync(company.Id, OldSsns[0]);
        var before = await StoredAsync(app);

        var result = await RunAsync(app.Database.Url, PiiKeyRing.NewEntry("kb"), "pii", "rotate");

        result.ExitCode.ShouldBe(7);
        result.Output.ShouldContain("rotated 0 of 1 employee SSN(s) to key kb");
        result.Error.ShouldContain($"employee {employee.Id}: The value was encrypted under key 'ka', which is not in PII_ENCRYPTION_KEYS.");
        (await StoredAsync(app)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PiiRotate_WhenTheSchemaIsNotMigrated_ShouldExit3AndTellToMigrate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await RunAsync(database.Url, PiiKeyRing.NewEntry("kb"), "pii", "rotate");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("run `payroll migrate up` first");
    }

    [Fact]
    public async Task PiiRotate_WhenNoKeysAreConfiguredInProduction_ShouldExit2WithoutTouchingTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database.Url, null, "pii", "rotate");

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().ShouldStartWith("payroll: PII_ENCRYPTION_KEYS is required in Production");
    }

    [Fact]
    public async Task PiiNewKey_WhenKidIsValid_ShouldPrintOnlyAnEntryTheKeyRingAccepts()
    {
        var result = await RunAsync(null, null, "pii", "new-key", "--kid", "2027-q1");

        result.ExitCode.ShouldBe(0);
        var entry = result.Output.Trim();
        entry.ShouldStartWith("2027-q1:");
        PiiKeyRing.Parse(entry).Current.Id.ShouldBe("2027-q1");
        (await RunAsync(null, null, "pii", "new-key", "--kid", "2027-q1")).Output.Trim().ShouldNotBe(entry);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:kid")]
    [InlineData("a-kid-that-is-far-longer-than-thirty-two-characters")]
    public async Task PiiNewKey_WhenKidIsInvalid_ShouldExit1AndPrintNoKey(string kid)
    {
        var result = await RunAsync(null, null, "pii", "new-key", "--kid", kid);

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldBeEmpty();
        result.Error.ShouldContain("--kid must be 1 to 32 letters, digits, '-' or '_'");
    }

    private static Task<Result<EmployeeDto>> CreateAsync(PayrollApp app, Guid companyId, string ssn) =>
        app.CreateEmployeeAsync(companyId, ssn, "New", "Hire", hireDate: new DateOnly(2026, 1, 1));

    private static async Task<List<(string Ciphertext, string BlindIndex)>> StoredAsync(PayrollApp app)
    {
        await using var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<(string, string)>("SELECT ssn_ciphertext, ssn_blind_index FROM employees ORDER BY id")];
    }
}
