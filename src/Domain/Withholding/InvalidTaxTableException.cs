namespace PayrollPortal.Domain.Withholding;

/// <summary>
/// A tax table that cannot be trusted. Thrown at load, so a bad file stops start-up instead of producing wrong paychecks.
/// </summary>
public sealed class InvalidTaxTableException : Exception
{
    public InvalidTaxTableException()
    {
        Table = string.Empty;
        Check = string.Empty;
    }

    public InvalidTaxTableException(string message)
        : base(message)
    {
        Table = string.Empty;
        Check = string.Empty;
    }

    public InvalidTaxTableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = string.Empty;
        Check = string.Empty;
    }

    public InvalidTaxTableException(string source, string check, string detail, Exception? innerException = null)
        : base($"Withholding table '{source}' fails check '{check}': {detail}", innerException)
    {
        Table = source;
        Check = check;
    }

    /// <summary>The table file, e.g. us-federal-2026.json.</summary>
    public string Table { get; }

    /// <summary>The name of the failed check, one of the constants of the regime's own table checks.</summary>
    public string Check { get; }
}
