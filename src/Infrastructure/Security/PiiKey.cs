using System.Security.Cryptography;
using System.Text;

namespace PayrollPortal.Infrastructure.Security;

/// <summary>One key of the ring. The encryption key and the blind-index key are derived from it separately (HKDF).</summary>
public sealed class PiiKey : IDisposable
{
    public PiiKey(string id, byte[] material)
    {
        Id = id;
        EncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes("payroll-pii-aes-gcm"));
        IndexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes("payroll-pii-blind-index"));
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(EncryptionKey, AesGcmPiiProtector.TagBytes), trackAllValues: true);
        _index = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(IndexKey), trackAllValues: true);
    }

    // Setting up an OpenSSL context costs as much as encrypting or hashing one SSN (3.6 against 1.8 µs, 1.5 against 0.7 µs
    // measured), and an import protects 10,000 in one request. Neither type is thread-safe, so each thread keeps its own.
    private readonly ThreadLocal<AesGcm> _aes;
    private readonly ThreadLocal<HMACSHA256> _index;

    public string Id { get; }

    internal byte[] EncryptionKey { get; }

    internal byte[] IndexKey { get; }

    /// <summary>This thread's AES-GCM under <see cref="EncryptionKey"/>.</summary>
    internal AesGcm Aes => _aes.Value!;

    /// <summary>This thread's HMAC-SHA256 under <see cref="IndexKey"/>.</summary>
    internal HMACSHA256 Index => _index.Value!;

    public override string ToString() => Id;

    public void Dispose()
    {
        foreach (var aes in _aes.Values)
        {
            aes.Dispose();
        }

        foreach (var index in _index.Values)
        {
            index.Dispose();
        }

        _aes.Dispose();
        _index.Dispose();
    }
}
