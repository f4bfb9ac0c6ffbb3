namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>Now, at the microsecond precision both databases store, so an answer and a later read of the same row agree.</summary>
internal static class BusinessIncomeClock
{
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
