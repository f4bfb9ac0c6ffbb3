namespace PayrollPortal.Application.Exports;

/// <summary>
/// An export format by its wire name (<c>csv</c>, <c>xlsx</c>), as requests and links carry it. Which names exist is decided
/// by the registered writers (<see cref="ExportFormats"/>), so this type names none of them.
/// </summary>
public readonly record struct ExportFormat(string Name)
{
    public override string ToString() => Name;
}
