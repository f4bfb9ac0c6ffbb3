using PayrollPortal.Application.Exports;

namespace PayrollPortal.Application.Regimes;

/// <summary>A regime's payroll register: its headers, its money columns and how amounts are written.</summary>
public interface IRegisterColumnsSource : IRegimePart
{
    RegisterColumns Columns { get; }
}
