using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PayrollPortal.Api.Cli.Drill;

/// <summary>What <c>payroll drill</c> found, step by step, as JSON (<c>--report</c>) and as the summary it prints.</summary>
internal sealed record DrillReport(
    string Database,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Passed,
    double? RtoSeconds,
    double? RpoSeconds,
    string? Backup,
    string? Staging,
    bool StagingKept,
    IReadOnlyList<DrillStep> Steps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string Summary()
    {
        var text = new StringBuilder();
        var notDone = Steps.SelectMany(s => s.Checks).Where(c => c.Status == DrillStatus.NotAvailable).Select(c => c.Name).ToList();
        text.AppendLine($"DR drill on {Database}: {(Passed ? "PASSED" : "FAILED")}{(notDone.Count == 0 ? string.Empty : $" ({notDone.Count} check(s) NOT DONE: {string.Join(", ", notDone)})")}");
        foreach (var (step, index) in Steps.Select((s, i) => (s, i + 1)))
        {
            text.AppendLine($"{index}. {step.Name,-20} {Label(step.Status),-8} {step.Seconds,7:0.00} s  {step.Detail}");
            foreach (var check in step.Checks)
            {
                text.AppendLine($"     {Label(check.Status),-8} {check.Name}: {check.Detail}");
            }
        }

        text.AppendLine($"RTO (backup start to healthy staging): {(RtoSeconds is { } rto ? $"{rto:0.0} s" : "not reached")}");
        text.AppendLine($"RPO (age of the backup when staging was healthy): {(RpoSeconds is { } rpo ? $"{rpo:0.0} s" : "not reached")}");
        text.AppendLine(StagingKept ? $"staging kept: {Staging}" : "staging removed");
        return text.ToString();
    }

    private static string Label(DrillStatus status) => status switch
    {
        DrillStatus.Pass => "pass",
        DrillStatus.Fail => "FAIL",
        DrillStatus.NotRun => "not run",
        _ => "NOT DONE",
    };
}

internal enum DrillStatus
{
    Pass,
    Fail,

    /// <summary>An earlier step failed, so this one could not run.</summary>
    NotRun,

    /// <summary>This build cannot do the check yet (login before identity exists); never counted as a pass.</summary>
    NotAvailable,
}

internal sealed record DrillStep(string Name, DrillStatus Status, double Seconds, string Detail, IReadOnlyList<DrillCheck> Checks);

internal sealed record DrillCheck(string Name, DrillStatus Status, string Detail);
