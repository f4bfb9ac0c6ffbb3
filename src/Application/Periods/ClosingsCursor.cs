using System.Buffers.Binary;
using System.Buffers.Text;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>
/// The position after the last row of a closings page, ordered by company (created_at, id) and then month. Opaque to
/// clients: base64url of a version byte, the company's creation instant in UTC ticks, its id, the year and the month.
/// </summary>
public readonly record struct ClosingsCursor(DateTimeOffset CompanyCreatedAt, Guid CompanyId, PayMonth Month)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16 + 2 + 1;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], CompanyCreatedAt.UtcTicks);
        CompanyId.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[25..], (ushort)Month.Year);
        bytes[27] = (byte)Month.Month;
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out ClosingsCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[48];
        if (string.IsNullOrEmpty(text) || text.Length > 64 || !Base64Url.IsValid(text)
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        var year = BinaryPrimitives.ReadUInt16BigEndian(bytes[25..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || bytes[27] is < 1 or > 12)
        {
            return false;
        }

        cursor = new ClosingsCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.Slice(9, 16), bigEndian: true), new PayMonth(year, bytes[27]));
        return true;
    }
}
