using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using PayrollPortal.Application.Common;

namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// SHA-256 over the method, the route values, the query and the canonical JSON body (keys sorted, whitespace dropped), so
/// the same request sent twice has the same fingerprint however a client formats its JSON. A body that is not JSON is
/// hashed as sent.
/// </summary>
internal static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        byte[] body = [];
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, cancellationToken);
            request.Body.Position = 0;
            body = copy.ToArray();
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(request.Method);
            writer.WriteStartArray();
            foreach (var (key, value) in request.RouteValues.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                writer.WriteStringValue(key);
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteEndArray();
            writer.WriteStartArray();
            foreach (var (key, values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                foreach (var value in values.Order(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(key);
                    writer.WriteStringValue(value);
                }
            }

            writer.WriteEndArray();
            writer.WriteBase64StringValue(Canonical(body));
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static byte[] Canonical(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        try
        {
            return CanonicalJson.FromUtf8(body);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
