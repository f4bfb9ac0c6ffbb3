using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using PayrollPortal.Api.Http;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// Authentication (session cookie or bearer token), the everything-authenticated fallback policy, CSRF, the login rate
/// limit, Data Protection keys under DATA_DIR and the first administrator. See docs/IDENTITY.md.
/// </summary>
internal static class IdentityHosting
{
    public const string LoginRateLimitVariable = "LOGIN_RATE_LIMIT_PER_MINUTE";
    public const int DefaultLoginRateLimit = 10;
    public const string MemberAddRateLimit = "member-add";
    public const string MemberAddRateLimitVariable = "MEMBER_ADD_RATE_LIMIT_PER_HOUR";
    public const int DefaultMemberAddRateLimit = 20;
    public const string NationalIdPerUserVariable = "NATIONAL_ID_WRITES_PER_USER_PER_HOUR";
    public const string NationalIdPerCompanyVariable = "NATIONAL_ID_WRITES_PER_COMPANY_PER_HOUR";

    /// <summary>The display name of the endpoint ASP.NET Core's routing selects when no endpoint accepts the content type.</summary>
    private const string UnsupportedMediaTypeEndpoint = "415 HTTP Unsupported Media Type";

    public static IServiceCollection AddPayrollIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<HttpCurrentUser>());

        // Session cookies are encrypted with these keys; where they are kept: Hosting/DataProtectionStorage (ADR 0017).
        services.AddDataProtection().SetApplicationName("PayrollPortal");

        services.AddScoped<SessionCookieEvents>();
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Session cookie or bearer token", options =>
                options.ForwardDefaultSelector = context => BearerTokenHandler.HasBearer(context.Request) ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.Cookie.Name = AuthSchemes.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = SignIn.SessionLifetime;
                options.SlidingExpiration = true;
                options.EventsType = typeof(SessionCookieEvents);
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null);

        services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Registered after the Application's defaults, so these win (ADR 0012).
        var limits = Limits.From(configuration);
        services.AddSingleton(limits);
        services.AddSingleton<INationalIdWriteLimiter>(_ => new NationalIdWriteLimiter(limits.NationalIdPerUser, limits.NationalIdPerCompany));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Each add answers whether the email has an account (ADR 0013), so a company admin gets a budget of them per
            // hour, shared by their sessions and tokens. The global administrator sees every account anyway.
            options.AddPolicy(MemberAddRateLimit, http => CallerClaims.FromPrincipal(http.User) is { IsAdmin: false, UserId: { } userId }
                ? RateLimitPartition.GetFixedWindowLimiter(userId.ToString("D"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.MemberAddsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var (title, detail) = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RateLimitMessage>() is { } message
                    ? (message.Title, message.Detail)
                    : ("Too many requests", "Too many requests.");
                await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate-limited", title,
                    $"{detail} Retry after {seconds} s.");
            };
        });

        return services;
    }

    /// <summary>After the body limit, before the endpoints: who is calling, then CSRF, the rate limit and the fallback policy.</summary>
    public static void UsePayrollIdentity(this WebApplication app)
    {
        // A body of a type no endpoint accepts matches routing's own 415 endpoint, which carries no AllowAnonymous: the
        // fallback policy would answer an anonymous caller (POST /api/auth/login with a form) 401. Answer 415 first.
        app.Use((context, next) => context.GetEndpoint()?.DisplayName == UnsupportedMediaTypeEndpoint
            ? ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                "Send the body as JSON with Content-Type: application/json.")
            : next(context));
        app.UseAuthentication();
        app.UseMiddleware<CsrfMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    public static int LoginRateLimitPerMinute(IConfiguration configuration) =>
        PositiveWholeNumber(configuration, LoginRateLimitVariable, DefaultLoginRateLimit, "attempts per minute");

    /// <summary>The limits' variables, read once; a bad value throws (start-up exits 2).</summary>
    public sealed record Limits(int LoginPerMinute, int MemberAddsPerHour, int NationalIdPerUser, int NationalIdPerCompany)
    {
        public static Limits From(IConfiguration configuration) => new(
            LoginRateLimitPerMinute(configuration),
            PositiveWholeNumber(configuration, MemberAddRateLimitVariable, DefaultMemberAddRateLimit, "members added per hour"),
            PositiveWholeNumber(configuration, NationalIdPerUserVariable, NationalIdWriteLimiter.DefaultPerUser, "SSN/RRN writes per user per hour"),
            PositiveWholeNumber(configuration, NationalIdPerCompanyVariable, NationalIdWriteLimiter.DefaultPerCompany, "SSN/RRN writes per company per hour"));
    }

    private static int PositiveWholeNumber(IConfiguration configuration, string variable, int defaultValue, string unit) =>
        configuration[variable] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidOperationException($"{variable} must be a positive whole number of {unit}.")
            : defaultValue;
}
