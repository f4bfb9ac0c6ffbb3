using System.Globalization;
using System.Text.Json;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// A kr employee import row: the 주민등록번호, the withholding profile (one column per field, with its effective date) and the
/// compensation record's monthly terms in whole won. The columns become the members a hire, an update or a compensation
/// record takes over the API.
/// </summary>
public sealed class KoreaEmployeeImports : IEmployeeImports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly KoreaProfileValidator ProfileRules = new();

    private static readonly (string Column, string Member)[] ProfileColumns =
    [
        ("dependents", "dependents"),
        ("childrenAged8To20", "childrenAged8To20"),
        ("withholdingRatio", "withholdingRatio"),
    ];

    private static readonly string[] NonTaxableColumns = ["meals", "carAllowance", "childcare"];

    private static readonly string[] CompensationColumns = ["payType", "monthlyBase", "taxableAllowances"];

    public string Regime => KoreaRegime.RegimeCode;

    public string NationalIdColumn => "residentRegistrationNumber";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("residentRegistrationNumber", ImportColumnKind.Identifier, "900101-1234567",
            "주민등록번호, YYMMDD-NNNNNNN or 13 digits. Matches an existing employee when employeeNumber does not."),
        new("dependents", ImportColumnKind.Number, "2", "공제대상가족 수, the employee included (1-99). Required for a new employee."),
        new("childrenAged8To20", ImportColumnKind.Number, "1", "Children aged 8 to 20 (8세 이상 20세 이하 자녀)."),
        new("withholdingRatio", ImportColumnKind.Choice, "100", "80, 100 or 120 (%).", ["80", "100", "120"]),
        new("meals", ImportColumnKind.Number, "200000", "식대, non-taxable, won a month."),
        new("carAllowance", ImportColumnKind.Number, "0", "자가운전보조금, non-taxable, won a month."),
        new("childcare", ImportColumnKind.Number, "0", "보육수당, non-taxable, won a month."),
        new("krEffectiveDate", ImportColumnKind.Date, "2026-01-01",
            "The first pay date the profile applies to (yyyy-mm-dd). Defaults to the hire date for a new employee; required when an existing employee's profile changes."),
        new("payType", ImportColumnKind.Choice, "monthly", "Compensation: monthly. Leave the compensation columns blank to record none.", ["monthly"]),
        new("monthlyBase", ImportColumnKind.Number, "3000000", "기본급, won a month."),
        new("taxableAllowances", ImportColumnKind.Number, "0", "Taxable allowances, won a month."),
    ];

    public Result<NationalId> ReadNationalId(string? cell)
    {
        var rrn = ResidentRegistrationNumber.Create(cell);
        return rrn.IsSuccess
            ? new NationalId(rrn.Value!.Digits, rrn.Value.Last4, KoreaRequestErrors.RrnTaken)
            : Result<NationalId>.Failure(rrn.Errors);
    }

    public Dictionary<string, JsonElement> HireFields(ImportCells cells)
    {
        var members = new Dictionary<string, JsonElement>();
        ImportJson.Put(members, "residentRegistrationNumber", cells, "residentRegistrationNumber");
        if (ProfileMembers(cells) is { } kr)
        {
            members["kr"] = ImportJson.Members(kr);
        }

        return members;
    }

    public Dictionary<string, JsonElement> ChangeFields(ImportCells cells, Employee employee, bool identifierChanged)
    {
        var members = new Dictionary<string, JsonElement>();
        if (identifierChanged)
        {
            ImportJson.Put(members, "residentRegistrationNumber", cells, "residentRegistrationNumber");
        }

        if (ProfileMembers(cells) is { } kr && !SameProfile(kr, cells["krEffectiveDate"], (KoreaEmployeeProfile)employee.TaxProfile))
        {
            members["kr"] = ImportJson.Members(kr);
        }

        return members;
    }

    public Dictionary<string, JsonElement>? CompensationFields(ImportCells cells)
    {
        if (!cells.AnyOf(CompensationColumns))
        {
            return null;
        }

        var members = new Dictionary<string, JsonElement>();
        foreach (var column in CompensationColumns)
        {
            ImportJson.Put(members, column, cells, column, ImportColumnKind.Number);
        }

        return members;
    }

    public string ColumnOf(string field) => field switch
    {
        "kr" => "dependents",
        "kr.effectiveDate" => "krEffectiveDate",
        _ when field.StartsWith("kr.nonTaxable.", StringComparison.Ordinal) => field["kr.nonTaxable.".Length..],
        _ when field.StartsWith("kr.", StringComparison.Ordinal) => field[3..],
        _ => field,
    };

    private static Dictionary<string, JsonElement>? ProfileMembers(ImportCells cells)
    {
        if (!cells.AnyOf(ProfileColumns.Select(c => c.Column).Concat(NonTaxableColumns).Append("krEffectiveDate")))
        {
            return null;
        }

        var kr = new Dictionary<string, JsonElement>();
        foreach (var (column, member) in ProfileColumns)
        {
            ImportJson.Put(kr, member, cells, column, ImportColumnKind.Number);
        }

        var nonTaxable = new Dictionary<string, JsonElement>();
        foreach (var column in NonTaxableColumns)
        {
            ImportJson.Put(nonTaxable, column, cells, column, ImportColumnKind.Number);
        }

        if (nonTaxable.Count > 0)
        {
            kr["nonTaxable"] = ImportJson.Members(nonTaxable);
        }

        ImportJson.Put(kr, "effectiveDate", cells, "krEffectiveDate");
        return kr;
    }

    /// <summary>Whether the row's profile is the one already recorded (on its date, or the current one when the row gives none).</summary>
    private static bool SameProfile(Dictionary<string, JsonElement> members, string? effectiveText, KoreaEmployeeProfile profile)
    {
        KoreaProfileDto? dto;
        try
        {
            dto = ImportJson.Members(members).Deserialize<KoreaProfileDto>(Json);
        }
        catch (JsonException)
        {
            return false; // the change reports it
        }

        if (dto is null || !ProfileRules.Validate(dto).IsValid)
        {
            return false;
        }

        if (effectiveText is null)
        {
            return dto.ToDomain(profile.Current.EffectiveDate) == profile.Current;
        }

        return DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective)
            && profile.History.FirstOrDefault(p => p.EffectiveDate == effective) is { } recorded
            && dto.ToDomain(effective) == recorded;
    }
}
