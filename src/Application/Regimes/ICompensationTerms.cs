namespace PayrollPortal.Application.Regimes;

/// <summary>
/// What an employee earns in a regime's own terms (an annual salary or hourly rate with US recurring deductions; a kr
/// monthly base): read, stored and turned into a line by the regime's <see cref="IPayRuns"/>. The core sees only these two.
/// </summary>
public interface ICompensationTerms
{
    /// <summary><c>salary</c>, <c>hourly</c>, <c>monthly</c>: as the API names it.</summary>
    string PayType { get; }

    /// <summary>Whether a run needs the employee's hours for the period.</summary>
    bool IsHourly { get; }
}
