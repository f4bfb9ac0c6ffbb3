using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Application.Tests.Common;

public sealed class KeysetCursorTests
{
    [Fact]
    public void Encode_WhenDecoded_ShouldRoundTripInstantAndId()
    {
        var cursor = new KeysetCursor(new DateTimeOffset(2026, 11, 25, 17, 0, 0, 123, TimeSpan.Zero).AddTicks(4567), Guid.CreateVersion7());

        KeysetCursor.TryDecode(cursor.Encode(), out var decoded).ShouldBeTrue();

        decoded.ShouldBe(cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zzz")]
    [InlineData("not a cursor at all")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryDecode_WhenTampered_ShouldRefuse(string text) =>
        KeysetCursor.TryDecode(text, out _).ShouldBeFalse();
}
