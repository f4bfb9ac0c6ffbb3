namespace PayrollPortal.Domain.Calendars;

/// <summary>A day the company does not work: a pay date on it moves to the previous business day.</summary>
public sealed record Holiday(DateOnly Date, string Name)
{
    public const int MaxNameLength = 100;

    /// <summary>More than a decade of public holidays; a longer list is a mistake, not a calendar.</summary>
    public const int MaxPerCompany = 400;
}
