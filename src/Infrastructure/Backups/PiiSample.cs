using System.Data.Common;
using System.Security.Cryptography;
using PayrollPortal.Application.Common.Security;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Decrypts a sample of stored SSNs with the configured keys: a backup whose keys are lost is not a backup. Only counts come
/// out, never a value.
/// </summary>
public static class PiiSample
{
    /// <summary>
    /// The column holds each employee's national identifier in the company's regime: an SSN's 9 digits or a 주민등록번호's 13.
    /// A kr company's numbers are as much a sign that the keys work as SSNs are (the kr demo company made the drill fail).
    /// </summary>
    private static readonly int[] IdentifierDigits = [9, 13];

    public sealed record Outcome(int Sampled, int Decrypted, IReadOnlyList<string> Failures)
    {
        public bool Ok => Decrypted == Sampled;
    }

    public static async Task<Outcome> CheckAsync(DbConnection connection, IPiiProtector protector, int sampleSize, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();

        // Spread over the table rather than the first rows only: rows written under older keys tend to be the oldest.
        command.CommandText = "SELECT id, ssn_ciphertext FROM employees ORDER BY ssn_blind_index";
        var rows = new List<(string Id, string Value)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!, reader.GetString(1)));
            }
        }

        var step = Math.Max(1, rows.Count / Math.Max(1, sampleSize));
        var sample = rows.Where((_, i) => i % step == 0).Take(sampleSize).ToList();
        var failures = new List<string>();
        foreach (var (id, value) in sample)
        {
            try
            {
                var identifier = protector.Unprotect(value);
                if (!IdentifierDigits.Contains(identifier.Count(char.IsAsciiDigit)))
                {
                    failures.Add($"employee {id}: decrypts to something that is not a national identifier");
                }
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                failures.Add($"employee {id}: {ex.Message}");
            }
        }

        return new Outcome(sample.Count, sample.Count - failures.Count, failures);
    }
}
