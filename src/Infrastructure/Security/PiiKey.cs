using System.Security.Cryptography;
using System.Text;

namespace PayrollPortal.Infrastructure.Security;

/// <summary>One key of the ring. The encryption key and the blind-index key are derived from it separately (HKDF).</summary>
public sealed class PiiKey
{
    public PiiKey(string id, byte[] material)
    {
        Id = id;
        EncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes("payroll-pii-aes-gcm"));
        IndexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes("payroll-pii-blind-index"));
    }

    public string Id { get; }

    internal byte[] EncryptionKey { get; }

    internal byte[] IndexKey { get; }

    public override string ToString() => Id;
}
