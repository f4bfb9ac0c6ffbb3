using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Security;

/// <summary>
/// Re-encrypts every employee SSN (and every other registered <see cref="ProtectedIdentifierTable"/>'s identifier, table by
/// table) that is not under the current (first) key of <c>PII_ENCRYPTION_KEYS</c>, and recomputes its blind index under that key. Rows are walked in id order, one transaction per batch; an update only applies if the row still
/// holds the ciphertext that was read, so an SSN changed meanwhile is left alone (it was written under the server's key) and
/// picked up by the next run. Running it again rotates nothing.
/// </summary>
public sealed class PiiRotation(IDbConnectionFactory factory, IPiiProtector pii, PiiKeyRing ring, IEnumerable<ProtectedIdentifierTable> tables)
{
    private readonly ProtectedIdentifierTable[] _tables = [.. tables.Distinct()];

    public const int DefaultBatchSize = 500;

    public string CurrentKeyId => ring.Current.Id;

    public async Task<PiiRotationReport> RotateAsync(int batchSize, Action<PiiRotationReport>? onBatch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var report = new PiiRotationReport(ring.Current.Id, 0, 0, []);
        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var table in _tables)
        {
            report = await RotateTableAsync(connection, table, batchSize, report, onBatch, cancellationToken);
        }

        return report;
    }

    private async Task<PiiRotationReport> RotateTableAsync(
        DbConnection connection, ProtectedIdentifierTable table, int batchSize, PiiRotationReport report, Action<PiiRotationReport>? onBatch,
        CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = (await connection.QueryAsync<SsnRow>(new CommandDefinition(
                $"SELECT id AS Id, company_id AS CompanyId, {table.CiphertextColumn} AS Ciphertext, {table.BlindIndexColumn} AS BlindIndex FROM {table.Table} " +
                $"{(after is null ? string.Empty : "WHERE id > @after ")}ORDER BY id LIMIT @batchSize",
                new { after = after ?? Guid.Empty, batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
            if (rows.Count == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return report;
            }

            var batch = await RotateBatchAsync(connection, transaction, table, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            report = report with
            {
                Total = report.Total + rows.Count,
                Rotated = report.Rotated + batch.Rotated,
                Skipped = [.. report.Skipped, .. batch.Skipped],
            };
            onBatch?.Invoke(report);
            after = rows[^1].Id;
        }
    }

    private async Task<(int Rotated, List<PiiRotationSkip> Skipped)> RotateBatchAsync(
        DbConnection connection, DbTransaction transaction, ProtectedIdentifierTable table, List<SsnRow> rows, CancellationToken cancellationToken)
    {
        var skipped = new List<PiiRotationSkip>();
        var pending = new List<(SsnRow Row, string Ciphertext, string BlindIndex)>();
        foreach (var row in rows.Where(NeedsRotation))
        {
            string plaintext;
            try
            {
                plaintext = pii.Unprotect(row.Ciphertext);
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                skipped.Add(new PiiRotationSkip(row.Id, ex.Message, table.Subject));
                continue;
            }

            pending.Add((row, pii.Protect(plaintext), pii.BlindIndex(plaintext)));
        }

        if (pending.Count == 0)
        {
            return (0, skipped);
        }

        // A new index already held by another row of the company means two rows share an SSN (written by a server that
        // did not know this key): rotating would break the unique constraint, so say which rows instead.
        var parameters = new DynamicParameters();
        var taken = (await connection.QueryAsync<SsnRow>(new CommandDefinition(
            $"SELECT id AS Id, company_id AS CompanyId, {table.CiphertextColumn} AS Ciphertext, {table.BlindIndexColumn} AS BlindIndex FROM {table.Table} " +
            $"WHERE {table.BlindIndexColumn} IN {SqlIn.List(parameters, "index", pending.Select(p => p.BlindIndex))}",
            parameters, transaction, cancellationToken: cancellationToken))).ToList();

        var rotated = 0;
        foreach (var (row, ciphertext, blindIndex) in pending)
        {
            if (taken.FirstOrDefault(t => t.CompanyId == row.CompanyId && t.BlindIndex == blindIndex && t.Id != row.Id) is { } other)
            {
                skipped.Add(new PiiRotationSkip(row.Id, $"{table.Subject} {other.Id} of the same company has the same {table.Identifier}", table.Subject));
                continue;
            }

            var updated = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table.Table} SET {table.CiphertextColumn} = @ciphertext, {table.BlindIndexColumn} = @blindIndex WHERE id = @id AND {table.CiphertextColumn} = @old",
                new { ciphertext, blindIndex, id = row.Id, old = row.Ciphertext }, transaction, cancellationToken: cancellationToken));
            if (updated == 1)
            {
                rotated++;
            }
            else
            {
                skipped.Add(new PiiRotationSkip(row.Id, $"the {table.Identifier} changed while rotating; run again", table.Subject));
            }
        }

        return (rotated, skipped);
    }

    private bool NeedsRotation(SsnRow row)
    {
        try
        {
            return pii.NeedsRotation(row.Ciphertext) || !row.BlindIndex.StartsWith(ring.Current.Id + ":", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return true; // Unprotect reports what is wrong with it.
        }
    }

    private sealed class SsnRow
    {
        public Guid Id { get; init; }

        public Guid CompanyId { get; init; }

        public string Ciphertext { get; init; } = string.Empty;

        public string BlindIndex { get; init; } = string.Empty;
    }
}
