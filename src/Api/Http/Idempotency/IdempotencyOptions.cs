using System.Globalization;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// <c>PAYROLL_REQUIRE_IDEMPOTENCY_KEY=1</c> makes the header required on POST; <c>IDEMPOTENCY_RETENTION_HOURS</c> (default 24)
/// is how long a key is remembered; <c>IDEMPOTENCY_LEASE_SECONDS</c> (default and maximum 60) is how long a claim survives a
/// process that died holding it.
/// </summary>
internal sealed record IdempotencyOptions(bool RequireKeyOnPost, TimeSpan Retention, TimeSpan Lease)
{
    public static readonly TimeSpan MaxLease = TimeSpan.FromSeconds(60);

    public static IdempotencyOptions FromConfiguration(IConfiguration configuration)
    {
        var require = configuration["PAYROLL_REQUIRE_IDEMPOTENCY_KEY"] is "1" or "true";
        var hours = Positive(configuration["IDEMPOTENCY_RETENTION_HOURS"], "IDEMPOTENCY_RETENTION_HOURS") ?? 24;
        var lease = Positive(configuration["IDEMPOTENCY_LEASE_SECONDS"], "IDEMPOTENCY_LEASE_SECONDS") ?? MaxLease.TotalSeconds;
        return new IdempotencyOptions(require, TimeSpan.FromHours(hours), TimeSpan.FromSeconds(Math.Min(lease, MaxLease.TotalSeconds)));
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
