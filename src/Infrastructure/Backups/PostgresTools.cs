using System.Diagnostics;
using Npgsql;

namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// Runs <c>pg_dump</c> and <c>pg_restore</c> against a database given as an Npgsql connection string. The connection goes
/// through the libpq environment (PGHOST, PGPASSWORD, ...), so a password never appears in a process list. The tools are
/// looked up in <c>PG_BIN</c> when set, else on PATH.
/// </summary>
public sealed class PostgresTools(string? binDirectory)
{
    public const string BinVariable = "PG_BIN";

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        public string FirstError => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
    }

    public string Locate(string tool)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            var candidate = Path.Combine(binDirectory, tool);
            return File.Exists(candidate)
                ? candidate
                : throw new BackupException($"{tool} was not found in {BinVariable}={binDirectory}.", BackupFailure.Configuration);
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BackupException(
            $"{tool} was not found on PATH: install the PostgreSQL client tools (postgresql-client, the server's major version or newer) or set {BinVariable} to their folder.",
            BackupFailure.Configuration);
    }

    /// <summary>Runs a tool to completion; <paramref name="onOutputLine"/> sees stdout line by line instead of collecting it.</summary>
    public async Task<Outcome> RunAsync(
        string tool, IEnumerable<string> arguments, string? connectionString, CancellationToken cancellationToken, Action<string>? onOutputLine = null)
    {
        var start = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connectionString is not null)
        {
            foreach (var (key, value) in LibpqEnvironment(connectionString))
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.", BackupFailure.Configuration);
        var stdout = new System.Text.StringBuilder();
        var readOut = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (onOutputLine is null)
                {
                    stdout.AppendLine(line);
                }
                else
                {
                    onOutputLine(line);
                }
            }
        }, CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await readOut;
        return new Outcome(process.ExitCode, stdout.ToString(), await stderr);
    }

    public static IReadOnlyDictionary<string, string> LibpqEnvironment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = builder.Host ?? "localhost",
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = builder.Database ?? string.Empty,
            ["PGCONNECT_TIMEOUT"] = Math.Max(2, builder.Timeout).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(builder.Username))
        {
            environment["PGUSER"] = builder.Username;
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            environment["PGPASSWORD"] = builder.Password;
        }

        environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        if (!string.IsNullOrEmpty(builder.RootCertificate))
        {
            environment["PGSSLROOTCERT"] = builder.RootCertificate;
        }

        return environment;
    }
}
