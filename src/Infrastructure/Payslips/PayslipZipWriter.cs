using System.IO.Compression;
using System.Security.Cryptography;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Payslips;

namespace PayrollPortal.Infrastructure.Payslips;

/// <summary>
/// <c>payslips-zip</c>: one PDF per line, named <c>{payDate}_{employeeNumberOrName}.pdf</c> (made safe, and unique with
/// <c>_2</c>, <c>_3</c>…). A few payslips are rendered at a time on the thread pool, and each batch goes out as soon as it is
/// in the archive, so the response starts after the first batch and memory holds a batch, not the archive.
/// </summary>
internal sealed class PayslipZipWriter(IPayslipRenderer renderer) : IPayslipArchiveWriter
{
    private static readonly int Batch = Math.Max(2, Environment.ProcessorCount * 2);

    public ExportFormat Format { get; } = new("payslips-zip");

    public string ContentType => "application/zip";

    public string FileExtension => "zip";

    public async Task<RegisterSummary> WriteAsync(Stream output, PayslipRun run, CancellationToken cancellationToken)
    {
        // ZipArchive writes synchronously, which the response refuses: it writes into this buffer, sent asynchronously after each batch.
        var pending = new PendingBytes();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var names = new PayslipFileNames.Unique();
        var count = 0;
        using (var zip = new ZipArchive(pending, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var batch in run.Documents.Chunk(Batch))
            {
                var rendered = new byte[batch.Length][];
                Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    using var pdf = new MemoryStream();
                    renderer.Render(batch[i], pdf);
                    rendered[i] = pdf.ToArray();
                });
                for (var i = 0; i < batch.Length; i++)
                {
                    var entry = zip.CreateEntry(names.Next(batch[i].FileName), CompressionLevel.NoCompression);
                    entry.LastWriteTime = new DateTimeOffset(run.Payroll.PayDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    using (var stream = entry.Open())
                    {
                        stream.Write(rendered[i]);
                    }

                    count++;
                }

                await pending.SendAsync(output, hash, cancellationToken);
            }
        }

        await pending.SendAsync(output, hash, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return new RegisterSummary(count, Convert.ToHexStringLower(hash.GetHashAndReset()), []);
    }

    /// <summary>A write-only, non-seekable stream that keeps what is written until <see cref="SendAsync"/> passes it on.</summary>
    private sealed class PendingBytes : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public async Task SendAsync(Stream output, IncrementalHash hash, CancellationToken cancellationToken)
        {
            if (_buffer.Length == 0)
            {
                return;
            }

            var bytes = new ReadOnlyMemory<byte>(_buffer.GetBuffer(), 0, (int)_buffer.Length);
            hash.AppendData(bytes.Span);
            await output.WriteAsync(bytes, cancellationToken);
            await output.FlushAsync(cancellationToken);
            _buffer.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _buffer.Write(buffer, offset, count);
            _written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _buffer.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
