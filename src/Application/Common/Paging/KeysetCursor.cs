using System.Buffers.Binary;
using System.Buffers.Text;

namespace PayrollPortal.Application.Common.Paging;

/// <summary>
/// The position after the last row of a page, ordered by (created_at, id). Opaque to clients: base64url of
/// a version byte, the instant in UTC ticks and the id.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position a validated cursor names, or null for the first page.</summary>
    public static KeysetCursor? DecodeOrNull(string? text) => TryDecode(text, out var cursor) ? cursor : null;

    public static bool TryDecode(string? text, out KeysetCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[48];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.Slice(9, 16), bigEndian: true));
        return true;
    }
}
