using System.Security.Cryptography;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Identity;

/// <summary>
/// The ASP.NET Core Data Protection key ring (it encrypts session cookies) in <c>data_protection_keys</c>, so every instance on
/// the database reads the same keys and none needs a shared folder (ADR 0017). Each element is stored whole, encrypted with
/// the PII key ring (AES-256-GCM, <c>PII_ENCRYPTION_KEYS</c>): a database dump alone cannot forge or read a session. The
/// framework calls these methods synchronously, rarely (at start-up, when a key is created, and on its daily refresh).
/// </summary>
public sealed partial class DatabaseXmlRepository(IDbConnectionFactory connections, IPiiProtector protector, TimeProvider clock, ILogger<DatabaseXmlRepository> logger)
    : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = connections.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var rows = connection.Query<(string Name, string ProtectedXml)>("SELECT name, protected_xml FROM data_protection_keys ORDER BY created_at, name");
        var elements = new List<XElement>();
        foreach (var (name, protectedXml) in rows)
        {
            try
            {
                elements.Add(XElement.Parse(protector.Unprotect(protectedXml)));
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException or System.Xml.XmlException)
            {
                // Its PII key left PII_ENCRYPTION_KEYS: the sessions it protected end; the framework makes a new key if none is left.
                LogUnreadable(logger, name, ex.Message);
            }
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = connections.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var writer = connections.EnterWriteAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        connection.Execute(
            """
            INSERT INTO data_protection_keys (name, protected_xml, created_at) VALUES (@name, @protectedXml, @createdAt)
            ON CONFLICT (name) DO UPDATE SET protected_xml = excluded.protected_xml
            """,
            new { name = friendlyName, protectedXml = protector.Protect(element.ToString(SaveOptions.DisableFormatting)), createdAt = clock.GetUtcNow() });
    }

    [LoggerMessage(EventId = 640, Level = LogLevel.Warning,
        Message = "Data Protection key {Name} cannot be decrypted with PII_ENCRYPTION_KEYS ({Reason}); sessions it protected must sign in again")]
    private static partial void LogUnreadable(ILogger logger, string name, string reason);
}
