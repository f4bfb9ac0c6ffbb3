namespace PayrollPortal.Application.Periods;

/// <summary>
/// One company's month: <c>closed</c>, <c>in_progress</c> (payrolls paid in it, not closed) or <c>none</c>; the payrolls
/// paid in it by status (voided ones are not counted), and when and by whom it was closed.
/// </summary>
public sealed record PeriodDto(
    Guid CompanyId,
    string Month,
    string Status,
    int Drafts,
    int Approved,
    DateTimeOffset? ClosedAt,
    string? ClosedBy)
{
    public const string Closed = "closed";
    public const string InProgress = "in_progress";
    public const string None = "none";

    public static string StatusOf(bool closed, int payrolls) => closed ? Closed : payrolls > 0 ? InProgress : None;
}
