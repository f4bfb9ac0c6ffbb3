namespace PayrollPortal.Domain.Payrolls;

/// <summary>Draft (editable, recomputed on every change) → Approved (immutable, counts toward year-to-date) → Voided (excluded).</summary>
public enum PayrollStatus
{
    Draft,
    Approved,
    Voided,
}
