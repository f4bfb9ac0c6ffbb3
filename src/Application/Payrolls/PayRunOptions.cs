namespace PayrollPortal.Application.Payrolls;

/// <summary>How a run reads a schedule's employees.</summary>
public sealed class PayRunOptions
{
    /// <summary>
    /// Employees read, computed and stored at a time, so a run's memory stays flat with the company's size (bench/README.md,
    /// "Pay runs"). Tests set a small page to run several pages with a few employees.
    /// </summary>
    public int PageSize { get; init; } = 1_000;
}
