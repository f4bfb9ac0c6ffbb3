using Microsoft.Extensions.Primitives;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header: one value of 1 to 255 printable ASCII characters. The IETF draft sends it as a
/// structured-field string (<c>"abc"</c>), Stripe's clients bare (<c>abc</c>); both mean the key <c>abc</c>.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key, null when the header is absent, or an error for a malformed or repeated header.</summary>
    public static (string? Key, string? Error) Parse(StringValues values)
    {
        if (values.Count == 0)
        {
            return (null, null);
        }

        if (values.Count > 1)
        {
            return (null, "Send the Idempotency-Key header once.");
        }

        var key = values[0] ?? string.Empty;
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        if (key.Trim().Length == 0)
        {
            return (null, "The Idempotency-Key header is empty.");
        }

        if (key.Length > MaxLength)
        {
            return (null, $"The Idempotency-Key header is longer than {MaxLength} characters.");
        }

        return key.Any(c => c is < ' ' or > '~')
            ? (null, "The Idempotency-Key header may hold printable ASCII characters only.")
            : (key, null);
    }
}
