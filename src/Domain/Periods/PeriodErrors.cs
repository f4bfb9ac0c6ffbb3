using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Periods;

public static class PeriodErrors
{
    public const string MonthFormat = "A month is written yyyy-MM, for example 2026-03.";

    public static Error InvalidMonth(string field) => Error.Validation("period.invalid_month", MonthFormat, field);

    /// <summary>A write to a payroll paid in a closed month: nothing changes until an administrator reopens it.</summary>
    public static Error Closed(PayMonth month) => Error.Conflict(
        "period.closed",
        $"{month} is closed: payrolls paid in it cannot be posted, edited, approved or voided. A company admin can reopen the month, giving a reason.");

    public static Error AlreadyClosed(PayMonth month) => Error.Conflict("period.already_closed", $"{month} is already closed.");

    public static Error NotClosed(PayMonth month) => Error.Conflict("period.not_closed", $"{month} is not closed, so there is nothing to reopen.");

    /// <summary>A month with drafts paid in it does not close: each is approved or voided first. The message names them.</summary>
    public static Error DraftsOpen(PayMonth month, IEnumerable<(Guid Id, DateOnly PayDate)> drafts) => DraftsOpen(month, drafts, []);

    /// <param name="others">Drafts of other kinds (a regime's own sheets), each already described with its id and pay date.</param>
    public static Error DraftsOpen(PayMonth month, IEnumerable<(Guid Id, DateOnly PayDate)> drafts, IEnumerable<string> others)
    {
        var payrolls = drafts.Select(d => $"{d.Id} (paid {d.PayDate:yyyy-MM-dd})").ToList();
        var rest = others.ToList();
        var what = rest.Count == 0 ? "draft payrolls" : payrolls.Count == 0 ? "drafts" : "draft payrolls and other drafts";
        return Error.Conflict(
            "period.drafts_open",
            $"{month} has {what}; approve or void them before closing it: " + string.Join(", ", payrolls.Concat(rest)) + ".");
    }
}
