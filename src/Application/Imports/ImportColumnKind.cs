namespace PayrollPortal.Application.Imports;

/// <summary>What a column holds, for the template's notes and for the formula guard (text columns only).</summary>
public enum ImportColumnKind
{
    Text,
    Identifier,
    Number,
    Date,
    Boolean,
    Choice,
}
