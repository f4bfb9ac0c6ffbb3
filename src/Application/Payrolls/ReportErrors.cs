using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payrolls;

public static class ReportErrors
{
    public static readonly Error PeriodRequired = Error.Validation("report.period_required", "Give either quarter or month, not both.", "quarter");
}
