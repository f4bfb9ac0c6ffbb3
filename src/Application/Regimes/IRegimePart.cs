namespace PayrollPortal.Application.Regimes;

/// <summary>
/// One part of a withholding regime's module (its employee profile, its payroll lines, its report, its storage). The core
/// finds each part through <see cref="RegimeParts{TPart}"/> by the company's regime code and never names a regime.
/// </summary>
public interface IRegimePart
{
    /// <summary>The regime's code, as stored on the company and the payroll (<c>us-federal</c>, <c>kr</c>).</summary>
    string Regime { get; }
}
