using System.Globalization;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// <c>PAYROLL_REQUIRE_IDEMPOTENCY_KEY=1</c> makes the header required on POST; <c>IDEMPOTENCY_RETENTION_HOURS</c> (default 24)
/// is how long a key is remembered.
/// </summary>
internal sealed record IdempotencyOptions(bool RequireKeyOnPost, TimeSpan Retention)
{
    public static IdempotencyOptions FromConfiguration(IConfiguration configuration)
    {
        var require = configuration["PAYROLL_REQUIRE_IDEMPOTENCY_KEY"] is "1" or "true";
        var hours = Positive(configuration["IDEMPOTENCY_RETENTION_HOURS"], "IDEMPOTENCY_RETENTION_HOURS") ?? 24;
        return new IdempotencyOptions(require, TimeSpan.FromHours(hours));
    }

    private static double? Positive(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} must be a positive number, not '{text}'.");
    }
}
