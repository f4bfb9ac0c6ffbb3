using System.Globalization;

namespace PayrollPortal.Infrastructure.Persistence;

/// <summary>
/// SQLite has no instant type. Instants are stored as fixed-width UTC text (<c>2026-01-02T03:04:05.0000000Z</c>), which sorts
/// in time order, so keyset pagination and range queries behave as they do on PostgreSQL's timestamptz.
/// </summary>
public static class SqlTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToSqliteText(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromDatabase(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"Cannot read an instant from {value.GetType().Name}."),
    };
}
