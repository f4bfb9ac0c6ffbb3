using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>A calculation's state part. <see cref="Trace"/> holds the worksheet lines in the publication's terms, the notes, and the edition used.</summary>
public sealed record StateResultDto(string Jurisdiction, decimal TaxableWages, decimal IncomeTax, StateTraceDto Trace)
{
    public static StateResultDto From(StateWithholding result)
    {
        var lines = new Dictionary<string, decimal>(result.Trace.Lines.Count, StringComparer.Ordinal);
        foreach (var (line, value) in result.Trace.Lines)
        {
            lines[line] = value;
        }

        return new StateResultDto(result.Jurisdiction, result.TaxableWages, result.IncomeTax, new StateTraceDto(StateEditionDto.From(result.Edition), lines, result.Trace.Notes));
    }
}

public sealed record StateTraceDto(StateEditionDto Edition, IReadOnlyDictionary<string, decimal> Lines, IReadOnlyList<string> Notes);

/// <summary>The parameter file that applied: its dates, method and citation.</summary>
public sealed record StateEditionDto(string Jurisdiction, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Method, string Publication, string? Url, string Retrieved)
{
    public static StateEditionDto From(StateEdition edition) => new(
        edition.Jurisdiction, edition.EffectiveFrom, edition.EffectiveTo, edition.MethodName, edition.Citation.Publication, edition.Citation.Url, edition.Citation.Retrieved);
}
