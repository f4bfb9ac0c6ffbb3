using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Compensation;

public static class CompensationErrors
{
    public static readonly Error EffectiveFromRequired = Error.Validation("compensation.effective_from_required", "effectiveFrom is required.", "effectiveFrom");

    public static Error RegimeWithoutCompensation(string regime) => Error.Validation(
        "compensation.regime_without_runs", $"The {regime} regime keeps no compensation records; post its payrolls explicitly.");
}
