using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

// The bare baseline for the companies benchmark: the product's two routes, the same SQL, the same JSON and status codes,
// on one singleton NpgsqlDataSource, with no mediator, no validation, no request-id middleware and no per-request logging.
// Since identity (issue 7) every product request is authenticated, so the baseline runs the product's token lookup too.
// Anything the product does on top of this is what bench/companies.sh measures.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);

var connectionString = builder.Configuration["BARE_CONNECTION_STRING"]
    ?? throw new InvalidOperationException("Set BARE_CONNECTION_STRING to an Npgsql connection string (Host=...;Database=...).");
var port = builder.Configuration.GetValue("PORT", 8001);
builder.WebHost.UseUrls($"http://localhost:{port}");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new UtcInstantJsonConverter());
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});

var app = builder.Build();
app.Use(BearerAuthentication.InvokeAsync);
var companies = app.MapGroup("/api/companies");
companies.MapPost("/", CompanyRoutes.CreateAsync);
companies.MapGet("/{id:guid}", CompanyRoutes.GetAsync);
app.Run();

internal static class CompanyRoutes
{
    // The product's statements, column for column (src/Infrastructure/Persistence/Companies).
    private const string InsertSql =
        """
        INSERT INTO companies (id, name, slug, ein, created_at, updated_at)
        VALUES (@Id, @Name, @Slug, @Ein, @CreatedAt, @UpdatedAt)
        ON CONFLICT (slug) DO NOTHING
        """;

    // Since the Korea regime (issue 12) a company's regime and currency live beside it, written in the same transaction.
    private const string RegimeSql = "INSERT INTO company_regimes (company_id, regime, currency) VALUES (@Id, @Regime, @Currency)";

    // The audit event the product writes in the same transaction (src/Infrastructure/Persistence/Audit/AuditTrail.cs), so that
    // both servers run the same SQL and the comparison measures the pipeline, not the audit trail.
    private const string ChainHeadSql = "INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (@chain, 0, @genesis) ON CONFLICT (chain) DO NOTHING";

    private const string AdvanceChainSql = "UPDATE audit_chain_heads SET seq = seq + 1 WHERE chain = @chain RETURNING seq, hash";

    private const string AuditSql =
        """
        INSERT INTO audit_events (id, chain, seq, occurred_at, actor, company_id, action, target_type, target_id, request_id,
                                  idempotency_key, details, prev_hash, hash)
        VALUES (@id, @chain, @seq, @at, 'anonymous', @company, 'company.created', 'company', @target, @request, NULL, @details, @prev, @hash);
        UPDATE audit_chain_heads SET hash = @hash WHERE chain = @chain;
        """;

    private const string SelectSql =
        "SELECT c.id AS Id, c.name AS Name, c.slug AS Slug, c.ein AS Ein, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt, " +
        "COALESCE(r.regime, 'us-federal') AS Regime, COALESCE(r.currency, 'USD') AS Currency " +
        "FROM companies c LEFT JOIN company_regimes r ON r.company_id = c.id WHERE c.id = @id";

    public static async Task<IResult> CreateAsync(CreateCompanyRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // Not validation, just enough to answer a malformed body with 400 instead of a NOT NULL violation.
        if (request.Name is null || request.Slug is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Name and slug are required");
        }

        var now = DateTimeOffset.UtcNow;
        var company = new CompanyDto(Guid.CreateVersion7(now), request.Name.Trim(), request.Slug, request.Ein, now, now, "us-federal", "USD");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("Id", company.Id));
        command.Parameters.Add(new NpgsqlParameter<string>("Name", company.Name));
        command.Parameters.Add(new NpgsqlParameter<string>("Slug", company.Slug));
        command.Parameters.Add(new NpgsqlParameter("Ein", NpgsqlDbType.Text) { Value = (object?)company.Ein ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("CreatedAt", company.CreatedAt));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("UpdatedAt", company.UpdatedAt));
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: $"The slug '{company.Slug}' is already taken.");
        }

        await using (var regime = new NpgsqlCommand(RegimeSql, connection, transaction))
        {
            regime.Parameters.Add(new NpgsqlParameter<Guid>("Id", company.Id));
            regime.Parameters.Add(new NpgsqlParameter<string>("Regime", company.Regime));
            regime.Parameters.Add(new NpgsqlParameter<string>("Currency", company.Currency));
            await regime.ExecuteNonQueryAsync(cancellationToken);
        }

        await AuditAsync(connection, transaction, company, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Created($"/api/companies/{company.Id}", company);
    }

    private static async Task AuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CompanyDto company, CancellationToken cancellationToken)
    {
        var chain = company.Id.ToString("D");
        await using (var head = new NpgsqlCommand(ChainHeadSql, connection, transaction))
        {
            head.Parameters.Add(new NpgsqlParameter<string>("chain", chain));
            head.Parameters.Add(new NpgsqlParameter<string>("genesis", new string('0', 64)));
            await head.ExecuteNonQueryAsync(cancellationToken);
        }

        long seq;
        string previous;
        await using (var advance = new NpgsqlCommand(AdvanceChainSql, connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter<string>("chain", chain));
            await using var reader = await advance.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            seq = reader.GetInt64(0);
            previous = reader.GetString(1);
        }

        var details = $"{{\"ein\":{(company.Ein is null ? "null" : $"\"{company.Ein}\"")},\"name\":\"{company.Name}\",\"slug\":\"{company.Slug}\"}}";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{chain}|{seq}|{details}|{previous}")));
        await using var audit = new NpgsqlCommand(AuditSql, connection, transaction);
        audit.Parameters.Add(new NpgsqlParameter<Guid>("id", Guid.CreateVersion7()));
        audit.Parameters.Add(new NpgsqlParameter<string>("chain", chain));
        audit.Parameters.Add(new NpgsqlParameter<long>("seq", seq));
        audit.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", company.CreatedAt));
        audit.Parameters.Add(new NpgsqlParameter<Guid>("company", company.Id));
        audit.Parameters.Add(new NpgsqlParameter<string>("target", chain));
        audit.Parameters.Add(new NpgsqlParameter<string>("request", Guid.CreateVersion7().ToString("N")));
        audit.Parameters.Add(new NpgsqlParameter<string>("details", details));
        audit.Parameters.Add(new NpgsqlParameter<string>("prev", previous));
        audit.Parameters.Add(new NpgsqlParameter<string>("hash", hash));
        await audit.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IResult> GetAsync(Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No company has this id.");
        }

        return Results.Ok(new CompanyDto(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetString(2),
            await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetString(6),
            reader.GetString(7)));
    }
}

internal sealed record CreateCompanyRequest(string? Name, string? Slug, string? Ein);

internal sealed record CompanyDto(
    Guid Id, string Name, string Slug, string? Ein, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Regime, string Currency);

/// <summary>The product's instant format (UTC ISO-8601 with a Z), so both servers write the same bytes per response.</summary>
internal sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}

internal static class BearerAuthentication
{
    // The product's token lookup, column for column (src/Infrastructure/Identity/CallerLookup.cs); the token's hash is the
    // SHA-256 hex of the secret (src/Application/Identity/SecretTokens.cs).
    private const string TokenSql =
        """
        SELECT t.id AS Id, t.company_id AS CompanyId, t.role AS Role, t.expires_at AS ExpiresAt, t.last_used_at AS LastUsedAt,
               u.id AS UserId, u.email AS Email, u.is_admin AS IsAdmin, m.role AS OwnerRole
        FROM api_tokens t
        JOIN users u ON u.id = t.user_id
        LEFT JOIN memberships m ON m.user_id = t.user_id AND m.company_id = t.company_id
        WHERE t.token_hash = @tokenHash AND t.revoked_at IS NULL
        """;

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(header["Bearer ".Length..])));
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        await using (var command = dataSource.CreateCommand(TokenSql))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("tokenHash", hash));
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            if (!await reader.ReadAsync(context.RequestAborted) || reader.GetFieldValue<DateTimeOffset>(3) <= DateTimeOffset.UtcNow)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        await next(context);
    }
}
