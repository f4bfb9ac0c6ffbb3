using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// Running totals, row count and SHA-256 of the rows, kept while the rows stream past. The hash covers each data row's
/// cells as text (<see cref="RegisterLayout.Texts"/>) joined by U+001F, each row ending with a line feed; the header and
/// the totals row are not included.
/// </summary>
public sealed class RegisterTally : IDisposable
{
    private const char CellSeparator = '\u001f';
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _line = new(512);
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(2048);

    public RegisterTally(int moneyColumns) => Totals = new long[moneyColumns];

    public long[] Totals { get; }

    public int RowCount { get; private set; }

    /// <summary>Adds a row whose cell texts are already in <paramref name="cells"/>.</summary>
    public void Add(PayrollRegisterRow row, string[] cells)
    {
        RowCount++;
        for (var i = 0; i < row.Amounts.Length; i++)
        {
            Totals[i] = checked(Totals[i] + row.Amounts[i]);
        }

        _line.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _line.Append(CellSeparator);
            }

            _line.Append(cells[i]);
        }

        _line.Append('\n');
        var needed = Encoding.UTF8.GetMaxByteCount(_line.Length);
        if (needed > _bytes.Length)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(needed);
        }

        var written = 0;
        foreach (var chunk in _line.GetChunks())
        {
            written += Encoding.UTF8.GetBytes(chunk.Span, _bytes.AsSpan(written));
        }

        _hash.AppendData(_bytes, 0, written);
    }

    public RegisterSummary Finish() => new(RowCount, Convert.ToHexStringLower(_hash.GetHashAndReset()), [.. Totals]);

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_bytes);
    }
}
