using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>The wire spellings of the business-income enums and rates.</summary>
public static class BusinessIncomeText
{
    public static string Of(ResidentType type) => type == ResidentType.Resident ? "resident" : "nonresident";

    public static bool TryParseResidentType(string? text, out ResidentType type)
    {
        (var ok, type) = text switch
        {
            "resident" => (true, ResidentType.Resident),
            "nonresident" => (true, ResidentType.Nonresident),
            _ => (false, ResidentType.Resident),
        };
        return ok;
    }

    /// <summary>A spelling already validated or stored.</summary>
    public static ResidentType ParseResidentType(string? text) =>
        TryParseResidentType(text, out var type) ? type : throw new FormatException($"'{text}' is not a resident type.");

    public static string Of(BusinessIncomeSheetStatus status) => status switch
    {
        BusinessIncomeSheetStatus.Draft => "draft",
        BusinessIncomeSheetStatus.Approved => "approved",
        _ => "voided",
    };

    public static BusinessIncomeSheetStatus ParseStatus(string text) => text switch
    {
        "draft" => BusinessIncomeSheetStatus.Draft,
        "approved" => BusinessIncomeSheetStatus.Approved,
        "voided" => BusinessIncomeSheetStatus.Voided,
        _ => throw new FormatException($"'{text}' is not a business-income sheet status."),
    };

    /// <summary>Basis points as percent: 300 is 3, 1250 is 12.5.</summary>
    public static decimal Percent(int basisPoints) => basisPoints / 100m;
}
