using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's part in running a period from what the system knows: the compensation records it takes, and how a record,
/// the period and the hours become a line (proration included). Withholding then runs through <see cref="IPayrollLines"/>
/// as for a line typed by hand.
/// </summary>
public interface IPayRuns : IRegimePart
{
    /// <summary>Whether a schedule of this frequency can pay a company on the regime (kr pays monthly).</summary>
    bool AllowsFrequency(PayFrequency frequency);

    /// <summary>Reads and validates a compensation record's terms (<c>payType</c> and the regime's members); errors name the member.</summary>
    Result<ICompensationTerms> ReadCompensation(RegimeFields fields);

    /// <summary>The terms as stored: one JSON document in minor units.</summary>
    string Store(ICompensationTerms terms);

    ICompensationTerms Restore(string payType, string stored);

    /// <summary>The terms' members as the API shows them, beside <c>effectiveFrom</c> and <c>payType</c>.</summary>
    void Describe(ICompensationTerms terms, IDictionary<string, object?> members);

    /// <summary>The employee's line for the period, prorated when the employee joined or left inside it.</summary>
    Result<GeneratedLine> LineFor(RunLine line);

    /// <summary>A draft line's input with the one-off amounts (bonus, supplemental pay) of the employee's line in an earlier payroll.</summary>
    ILineInput WithOneOffs(ILineInput draft, PayrollLine previous, IPayrollLines lines);
}
