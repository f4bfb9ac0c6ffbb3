using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Regimes;

/// <summary>A run's line: the input the regime computes withholding from, and how its pay was made.</summary>
public sealed record GeneratedLine(ILineInput Input, LineEarnings Earnings);
