using System.Net.Http.Headers;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PayrollPortal.Api.Identity;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.TestSupport;

/// <summary>
/// The real application, in memory, on its own fresh database. Create one per test:
/// <c>await using var app = await PayrollApp.StartAsync(provider);</c>
/// <see cref="CreateClient"/> and <see cref="SendAsync{TResponse}(IMessage, CancellationToken)"/> act as the global
/// administrator (bootstrapped from <see cref="AdminEmail"/> and <see cref="TestKeys.AdminPassword"/>);
/// <see cref="CreateAnonymousClient"/> and <see cref="CreateClientAsync"/> give other callers.
/// </summary>
public sealed partial class PayrollApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.local";

    private Caller? _admin;
    private string? _adminToken;

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly Action<IServiceCollection>? _services;

    private PayrollApp(
        TestDatabase database, IReadOnlyDictionary<string, string?>? settings, bool ownsDatabase = true, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DATABASE_URL"] = database.Url,
            ["LOG_FORMAT"] = "text",
            ["PII_ENCRYPTION_KEYS"] = TestKeys.PiiKeys,
            ["DATA_DIR"] = Path.Combine(Path.GetTempPath(), "payroll-tests", "data-" + Guid.NewGuid().ToString("N")),
            ["ADMIN_EMAIL"] = AdminEmail,
            ["ADMIN_PASSWORD"] = TestKeys.AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    public CapturedLogs Logs { get; } = new();

    /// <param name="services">Registrations added after the app's own, such as a regime that lives only in the tests.</param>
    public static async Task<PayrollApp> StartAsync(
        DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new PayrollApp(database, settings, services: services);
        _ = app.Server; // starts the host, which applies the migrations and creates the administrator
        await app.SignInAdminAsync();
        return app;
    }

    /// <summary>
    /// Another instance on an existing database, such as a restart with other settings (a new PII key ring); the database
    /// stays when this instance is disposed.
    /// </summary>
    public static PayrollApp StartOn(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new PayrollApp(database, settings, ownsDatabase: false);
        _ = app.Server;

        // Task.Run: off xunit's synchronization context, so waiting here cannot deadlock.
        Task.Run(app.SignInAdminAsync).GetAwaiter().GetResult();
        return app;
    }

    /// <summary>The bootstrap global administrator as a caller, for in-process messages.</summary>
    public Caller Admin => _admin ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>A client signed in as the global administrator with a bearer token, so no CSRF token is needed.</summary>
    public new HttpClient CreateClient()
    {
        var client = base.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient CreateAnonymousClient() => base.CreateClient();

    /// <summary>
    /// A client for a new user holding <paramref name="role"/> (<c>viewer</c>, <c>payroll_manager</c>, <c>company_admin</c>)
    /// in <paramref name="companyId"/>, or a new global <c>admin</c> (no company), with a bearer token of that role.
    /// </summary>
    public async Task<HttpClient> CreateClientAsync(string role, Guid? companyId = null)
    {
        var (_, token) = await CreateMemberAsync(role, companyId);
        var client = base.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user with <paramref name="role"/> and a bearer token for them; returns the caller and the token.</summary>
    public async Task<(Caller Caller, string Token)> CreateMemberAsync(string role, Guid? companyId = null, string? email = null, string? password = null)
    {
        companyId = role == CompanyRoles.Admin ? null : companyId ?? throw new ArgumentNullException(nameof(companyId), "A company role needs a company.");
        var user = await SendAsync<Result<CreatedUserDto>>(
            new CreateUser(email ?? $"{role}-{Guid.NewGuid():N}@tests.local", password, role, companyId));
        if (!user.IsSuccess)
        {
            throw new InvalidOperationException($"Cannot create a {role}: {user.FirstError.Message}");
        }

        var caller = new Caller
        {
            Id = "user:" + user.Value!.Id.ToString("D"),
            Actor = user.Value.Email,
            IsAuthenticated = true,
            IsAdmin = user.Value.IsAdmin,
            UserId = user.Value.Id,
            Email = user.Value.Email,
            Memberships = companyId is { } company ? new Dictionary<Guid, CompanyRole> { [company] = CompanyRoles.Parse(role) } : new Dictionary<Guid, CompanyRole>(),
        };
        var token = await SendAsAsync<Result<CreatedApiTokenDto>>(caller, new CreateApiToken("tests", companyId, role, null));
        return (caller, token.Value!.Token);
    }

    /// <summary>Sends a message through the real pipeline in a fresh scope, as the global administrator.</summary>
    public Task<TResponse> SendAsync<TResponse>(IMessage message, CancellationToken cancellationToken = default) =>
        SendAsAsync<TResponse>(Admin, message, cancellationToken);

    /// <summary>Sends a message through the real pipeline in a fresh scope, as <paramref name="caller"/>.</summary>
    public async Task<TResponse> SendAsAsync<TResponse>(Caller caller, IMessage message, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Assign(caller);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var response = await sender.Send(message, cancellationToken);
        return (TResponse)response!;
    }

    private async Task SignInAdminAsync()
    {
        await using var connection = await Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var id = await connection.QuerySingleAsync<Guid>(
            "SELECT id FROM users WHERE is_admin = @admin ORDER BY created_at LIMIT 1", new { admin = true });
        _admin = new Caller
        {
            Id = "user:" + id.ToString("D"), Actor = AdminEmail, IsAuthenticated = true, IsAdmin = true, UserId = id, Email = AdminEmail,
        };
        var token = await SendAsync<Result<CreatedApiTokenDto>>(new CreateApiToken("tests (admin)", null, CompanyRoles.Admin, null));
        _adminToken = token.IsSuccess ? token.Value!.Token : throw new InvalidOperationException(token.FirstError.Message);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
