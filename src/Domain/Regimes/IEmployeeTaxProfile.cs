namespace PayrollPortal.Domain.Regimes;

/// <summary>
/// An employee's tax profile under one regime, with its history: a W-4 for us-federal, a 원천징수 profile for kr. The core
/// keeps it without looking inside; only the regime that made it reads it, so a new regime adds a profile without any
/// change to <see cref="Employees.Employee"/>.
/// </summary>
public interface IEmployeeTaxProfile
{
    /// <summary>The code of the regime the profile belongs to (<c>us-federal</c>, <c>kr</c>).</summary>
    string Regime { get; }
}
