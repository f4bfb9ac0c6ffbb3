using System.Text.Json;
using PayrollPortal.Application.Imports;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's columns in an employee import file (docs/IMPORTS.md): the national identifier, its profile (W-4, kr profile)
/// and its compensation terms. The regime turns a row's cells into the same request members its <see cref="IEmployeeProfiles"/>
/// and <see cref="IPayRuns"/> read from JSON, so an imported employee passes exactly the rules of one hired by hand.
/// </summary>
public interface IEmployeeImports : IRegimePart
{
    /// <summary>The regime's columns in template order: the identifier first, then the profile, then the compensation.</summary>
    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The identifier's column (<c>ssn</c>, <c>residentRegistrationNumber</c>), by which rows are matched to employees.</summary>
    string NationalIdColumn { get; }

    /// <summary>The identifier in the cell, validated; errors never repeat it.</summary>
    Result<NationalId> ReadNationalId(string? cell);

    /// <summary>A new employee's regime members, for <see cref="IEmployeeProfiles.ForHire"/>.</summary>
    Dictionary<string, JsonElement> HireFields(ImportCells cells);

    /// <summary>
    /// An existing employee's regime members for <see cref="IEmployeeProfiles.Change"/>: only what the row sets and differs from
    /// the profile (a W-4 or kr profile equal to the one in effect is no change), with <paramref name="identifierChanged"/>
    /// the identifier too.
    /// </summary>
    Dictionary<string, JsonElement> ChangeFields(ImportCells cells, Employee employee, bool identifierChanged);

    /// <summary>The compensation record's members for <see cref="IPayRuns.ReadCompensation"/>, or null when the row sets none.</summary>
    Dictionary<string, JsonElement>? CompensationFields(ImportCells cells);

    /// <summary>The column an error's field came from (<c>w4.filingStatus</c> is the <c>filingStatus</c> column).</summary>
    string ColumnOf(string field);
}
