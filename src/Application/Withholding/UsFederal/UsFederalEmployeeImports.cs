using System.Globalization;
using System.Text.Json;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// A us-federal employee import row: the SSN, pay frequency and exemption, the Form W-4 (one column per field) with its
/// effective date, the work state and its withholding certificate (one column per field, <c>state</c>-prefixed) with theirs,
/// and the compensation record's terms. The columns become the members a hire, an update or a compensation record takes
/// over the API (the W-4 columns the <c>w4</c> object, the state certificate columns the <c>stateCertificate</c> object).
/// </summary>
public sealed class UsFederalEmployeeImports(StateWithholdingEngine states) : IEmployeeImports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly W4Validator W4Rules = new();

    // Form W-4 columns: header → member of the w4 object.
    private static readonly (string Column, string Member, ImportColumnKind Kind)[] W4Columns =
    [
        ("w4Version", "version", ImportColumnKind.Choice),
        ("filingStatus", "filingStatus", ImportColumnKind.Choice),
        ("step2Checkbox", "step2Checkbox", ImportColumnKind.Boolean),
        ("step3Dependents", "step3Dependents", ImportColumnKind.Number),
        ("step4aOtherIncome", "step4aOtherIncome", ImportColumnKind.Number),
        ("step4bDeductions", "step4bDeductions", ImportColumnKind.Number),
        ("step4cExtraWithholding", "step4cExtraWithholding", ImportColumnKind.Number),
        ("maritalStatus", "maritalStatus", ImportColumnKind.Choice),
        ("allowances", "allowances", ImportColumnKind.Number),
        ("extraWithholding", "extraWithholding", ImportColumnKind.Number),
    ];

    // State certificate columns: header → member of the stateCertificate object (StateRequest.CertificateFields).
    private static readonly (string Column, string Member, ImportColumnKind Kind)[] StateColumns =
    [
        ("stateFilingStatus", "filingStatus", ImportColumnKind.Choice),
        ("stateAllowances", "allowances", ImportColumnKind.Number),
        ("stateSecondaryAllowances", "secondaryAllowances", ImportColumnKind.Number),
        ("stateAdditionalWithholding", "additionalWithholding", ImportColumnKind.Number),
        ("stateElectedRate", "electedRate", ImportColumnKind.Number),
        ("stateElectedAnnualAmount", "electedAnnualAmount", ImportColumnKind.Number),
        ("stateRateSchedule", "rateSchedule", ImportColumnKind.Choice),
        ("stateMdResidentInDe", "mdResidentInDe", ImportColumnKind.Boolean),
    ];

    // Indiana's exemption counts: header → member of stateCertificate.exemptions.
    private static readonly (string Column, string Member)[] ExemptionColumns =
    [
        ("statePersonalExemptions", "personal"),
        ("stateDependentExemptions", "dependent"),
        ("stateFirstTimeDependentExemptions", "firstTimeDependent"),
        ("stateAdoptedExemptions", "adopted"),
    ];

    private static readonly string[] CertificateColumns = [.. StateColumns.Select(c => c.Column), .. ExemptionColumns.Select(c => c.Column)];

    private static readonly (string Column, ImportColumnKind Kind)[] CompensationColumns =
    [
        ("payType", ImportColumnKind.Choice),
        ("annualSalary", ImportColumnKind.Number),
        ("hourlyRate", ImportColumnKind.Number),
        ("retirementPercent", ImportColumnKind.Number),
        ("retirementAmount", ImportColumnKind.Number),
        ("cafeteria", ImportColumnKind.Number),
        ("hsa", ImportColumnKind.Number),
        ("postTaxDeductions", ImportColumnKind.Number),
    ];

    public string Regime => UsFederalRegime.RegimeCode;

    public string NationalIdColumn => "ssn";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("ssn", ImportColumnKind.Identifier, "123-45-6789", "Social Security number, 123-45-6789 or 9 digits. Matches an existing employee when employeeNumber does not."),
        new("payFrequency", ImportColumnKind.Choice, "biweekly", "Leave blank when paySchedule is set: the schedule's frequency applies.",
            [.. Enum.GetValues<PayFrequency>().Select(f => EnumText.ToText(f))]),
        new("exempt", ImportColumnKind.Boolean, "no", "Claims exemption from withholding: yes or no (default no)."),
        new("w4Version", ImportColumnKind.Choice, "2020", "2020 for a Form W-4 from 2020 on, 2019 for an older one. Required for a new employee.", ["2020", "2019"]),
        new("filingStatus", ImportColumnKind.Choice, "single", "2020 form, Step 1(c).", [.. Enum.GetValues<FilingStatus>().Select(f => EnumText.ToText(f))]),
        new("step2Checkbox", ImportColumnKind.Boolean, "no", "2020 form, Step 2(c): yes or no."),
        new("step3Dependents", ImportColumnKind.Number, "0.00", "2020 form, Step 3, in dollars."),
        new("step4aOtherIncome", ImportColumnKind.Number, "0.00", "2020 form, Step 4(a), in dollars."),
        new("step4bDeductions", ImportColumnKind.Number, "0.00", "2020 form, Step 4(b), in dollars."),
        new("step4cExtraWithholding", ImportColumnKind.Number, "0.00", "2020 form, Step 4(c), in dollars per pay period."),
        new("maritalStatus", ImportColumnKind.Choice, "", "2019 form only.", [.. Enum.GetValues<Pre2020MaritalStatus>().Select(f => EnumText.ToText(f))]),
        new("allowances", ImportColumnKind.Number, "", "2019 form only: withholding allowances."),
        new("extraWithholding", ImportColumnKind.Number, "", "2019 form only: additional amount per pay period, in dollars."),
        new("w4EffectiveDate", ImportColumnKind.Date, "2026-01-01",
            "The first pay date the W-4 applies to (yyyy-mm-dd). Defaults to the hire date for a new employee; required when an existing employee's W-4 changes."),
        new("workState", ImportColumnKind.Choice, "US-CA",
            "The state whose income tax is withheld, as US-CA. Blank for a new employee: no state withholding. Required with any state column.",
            [.. states.Jurisdictions]),
        new("stateFilingStatus", ImportColumnKind.Choice, "single",
            "The state certificate's filing status, in the work state's own codes (US-CA: single, married, head_of_household); blank where the state has none or a default."),
        new("stateAllowances", ImportColumnKind.Number, "1", "The state certificate's allowances, exemptions or dependents (0-99; what they count is the state's)."),
        new("stateSecondaryAllowances", ImportColumnKind.Number, "",
            "A second count where the state's form has one (US-CA estimated deductions, US-IL line 2, US-VA age/blind), 0-99."),
        new("stateAdditionalWithholding", ImportColumnKind.Number, "", "Additional state withholding, in dollars per pay period."),
        new("stateElectedRate", ImportColumnKind.Number, "", "US-AZ only: the A-4 elected rate (0.020 for 2%); blank for the employer default."),
        new("stateElectedAnnualAmount", ImportColumnKind.Number, "", "US-IA allowance dollars or US-MS total exemption, in dollars a year."),
        new("statePersonalExemptions", ImportColumnKind.Number, "", "US-IN only: WH-4 personal exemptions."),
        new("stateDependentExemptions", ImportColumnKind.Number, "", "US-IN only: WH-4 dependent exemptions."),
        new("stateFirstTimeDependentExemptions", ImportColumnKind.Number, "", "US-IN only: WH-4 first-time dependent exemptions."),
        new("stateAdoptedExemptions", ImportColumnKind.Number, "", "US-IN only: WH-4 adopted dependent exemptions."),
        new("stateRateSchedule", ImportColumnKind.Choice, "",
            "US-MD only (required there): the combined state and county rate with four decimals, as 0.0320 (in XLSX a text cell), or md_resident_in_de."),
        new("stateMdResidentInDe", ImportColumnKind.Boolean, "", "US-MD only: a Maryland resident working in Delaware, yes or no (default no)."),
        new("stateEffectiveDate", ImportColumnKind.Date, "",
            "The first pay date the work state and certificate apply to (yyyy-mm-dd). Defaults to the hire date for a new employee; required when an existing employee's work state or certificate changes. The same date replaces that record, another date adds one."),
        new("payType", ImportColumnKind.Choice, "salary", "Compensation: salary or hourly. Leave the compensation columns blank to record none.", ["salary", "hourly"]),
        new("annualSalary", ImportColumnKind.Number, "78000.00", "For salary, in dollars a year."),
        new("hourlyRate", ImportColumnKind.Number, "", "For hourly, in dollars an hour."),
        new("retirementPercent", ImportColumnKind.Number, "5", "Pre-tax retirement, percent of each period's gross (or retirementAmount)."),
        new("retirementAmount", ImportColumnKind.Number, "", "Pre-tax retirement, dollars per period."),
        new("cafeteria", ImportColumnKind.Number, "", "Section 125 deduction, dollars per period."),
        new("hsa", ImportColumnKind.Number, "", "HSA deduction, dollars per period."),
        new("postTaxDeductions", ImportColumnKind.Number, "", "Post-tax deductions, dollars per period."),
    ];

    public Result<NationalId> ReadNationalId(string? cell)
    {
        var ssn = Ssn.Create(cell);
        return ssn.IsSuccess
            ? new NationalId(ssn.Value!.Digits, ssn.Value.Last4, EmployeeErrors.SsnTaken)
            : Result<NationalId>.Failure(ssn.Errors);
    }

    public Dictionary<string, JsonElement> HireFields(ImportCells cells)
    {
        var members = new Dictionary<string, JsonElement>();
        ImportJson.Put(members, "ssn", cells, "ssn");
        ImportJson.Put(members, "payFrequency", cells, "payFrequency");
        ImportJson.Put(members, "exempt", cells, "exempt", ImportColumnKind.Boolean);
        ImportJson.Put(members, "w4EffectiveDate", cells, "w4EffectiveDate");
        if (W4Members(cells) is { } w4)
        {
            members["w4"] = ImportJson.Members(w4);
        }

        // A certificate or date without a work state is sent too: the hire's rules refuse it on workState, never drop it.
        ImportJson.Put(members, "workState", cells, "workState");
        if (CertificateMembers(cells) is { } certificate)
        {
            members["stateCertificate"] = ImportJson.Members(certificate);
        }

        ImportJson.Put(members, "stateEffectiveDate", cells, "stateEffectiveDate");
        return members;
    }

    public Dictionary<string, JsonElement> ChangeFields(ImportCells cells, Employee employee, bool identifierChanged)
    {
        var profile = (UsFederalProfile)employee.TaxProfile;
        var members = new Dictionary<string, JsonElement>();
        if (identifierChanged)
        {
            ImportJson.Put(members, "ssn", cells, "ssn");
        }

        if (cells["payFrequency"] is { } frequency && !(EnumText.TryParse(frequency, out PayFrequency parsed) && parsed == employee.PayFrequency))
        {
            ImportJson.Put(members, "payFrequency", cells, "payFrequency");
        }

        if (cells["exempt"] is { } exempt && ImportJson.Value(exempt, ImportColumnKind.Boolean) is var value
            && !(value.ValueKind is JsonValueKind.True or JsonValueKind.False && value.GetBoolean() == profile.Exempt))
        {
            members["exempt"] = value;
        }

        if (W4Members(cells) is { } w4 && !SameW4(w4, cells["w4EffectiveDate"], profile))
        {
            members["w4"] = ImportJson.Members(w4);
            ImportJson.Put(members, "w4EffectiveDate", cells, "w4EffectiveDate");
        }

        var certificate = CertificateMembers(cells);
        if ((cells["workState"] is not null || certificate is not null) && !SameState(cells["workState"], certificate, cells["stateEffectiveDate"], profile))
        {
            ImportJson.Put(members, "workState", cells, "workState");
            if (certificate is not null)
            {
                members["stateCertificate"] = ImportJson.Members(certificate);
            }

            ImportJson.Put(members, "stateEffectiveDate", cells, "stateEffectiveDate");
        }

        return members;
    }

    public Dictionary<string, JsonElement>? CompensationFields(ImportCells cells)
    {
        if (!cells.AnyOf(CompensationColumns.Select(c => c.Column)))
        {
            return null;
        }

        var members = new Dictionary<string, JsonElement>();
        foreach (var (column, kind) in CompensationColumns)
        {
            ImportJson.Put(members, column, cells, column, kind);
        }

        return members;
    }

    public string ColumnOf(string field)
    {
        if (field == "w4")
        {
            return "w4Version";
        }

        if (field.StartsWith("w4.", StringComparison.Ordinal))
        {
            var member = field[3..];
            return W4Columns.FirstOrDefault(c => c.Member == member).Column ?? member;
        }

        // stateCertificate.allowances is stateAllowances, stateCertificate.exemptions.adopted stateAdoptedExemptions.
        if (field == "stateCertificate")
        {
            return "workState";
        }

        if (field.StartsWith("stateCertificate.exemptions", StringComparison.Ordinal))
        {
            var member = field.Length > "stateCertificate.exemptions.".Length ? field["stateCertificate.exemptions.".Length..] : "personal";
            return ExemptionColumns.FirstOrDefault(c => c.Member == member).Column ?? ExemptionColumns[0].Column;
        }

        if (field.StartsWith("stateCertificate.", StringComparison.Ordinal))
        {
            var member = field["stateCertificate.".Length..];
            return StateColumns.FirstOrDefault(c => c.Member == member).Column ?? "workState";
        }

        return field;
    }

    private static Dictionary<string, JsonElement>? W4Members(ImportCells cells)
    {
        if (!cells.AnyOf(W4Columns.Select(c => c.Column)))
        {
            return null;
        }

        var w4 = new Dictionary<string, JsonElement>();
        foreach (var (column, member, kind) in W4Columns)
        {
            ImportJson.Put(w4, member, cells, column, kind);
        }

        return w4;
    }

    /// <summary>The row's state certificate as the <c>stateCertificate</c> object, or null when no certificate column is set.</summary>
    private static Dictionary<string, JsonElement>? CertificateMembers(ImportCells cells)
    {
        if (!cells.AnyOf(CertificateColumns))
        {
            return null;
        }

        var certificate = new Dictionary<string, JsonElement>();
        foreach (var (column, member, kind) in StateColumns)
        {
            ImportJson.Put(certificate, member, cells, column, kind);
        }

        if (cells.AnyOf(ExemptionColumns.Select(c => c.Column)))
        {
            var exemptions = new Dictionary<string, JsonElement>();
            foreach (var (column, member) in ExemptionColumns)
            {
                ImportJson.Put(exemptions, member, cells, column, ImportColumnKind.Number);
            }

            certificate["exemptions"] = ImportJson.Members(exemptions);
        }

        return certificate;
    }

    /// <summary>
    /// Whether the work state and certificate the row would record (as an update builds them: the current work state when the
    /// row names none; the current certificate while the state stays the same and the row gives none) are those in effect on
    /// the row's stateEffectiveDate, or the current ones when it gives none.
    /// </summary>
    private static bool SameState(string? workState, Dictionary<string, JsonElement>? members, string? effectiveText, UsFederalProfile profile)
    {
        var current = profile.CurrentState;
        var state = workState ?? current?.WorkState;
        StateCertificate certificate;
        if (members is not null)
        {
            var errors = new List<Error>();
            if (StateRequest.Read(ImportJson.Members(members), "stateCertificate", certificateOnly: true, errors) is not { } read || errors.Count > 0)
            {
                return false; // the change reports it
            }

            certificate = read.Certificate;
        }
        else
        {
            certificate = current is not null && current.WorkState == state ? current.Certificate : StateCertificate.Empty;
        }

        EmployeeStateCertificate? recorded;
        if (effectiveText is null)
        {
            recorded = current;
        }
        else if (DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            recorded = profile.StateOn(effective);
        }
        else
        {
            return false;
        }

        return recorded is not null && recorded.WorkState == state && recorded.Certificate.Equals(certificate);
    }

    /// <summary>Whether the row's W-4 is the one already recorded (on its date, or the current one when the row gives none).</summary>
    private static bool SameW4(Dictionary<string, JsonElement> members, string? effectiveText, UsFederalProfile profile)
    {
        WithholdingW4? w4;
        try
        {
            w4 = ImportJson.Members(members).Deserialize<WithholdingW4>(Json);
        }
        catch (JsonException)
        {
            return false; // the change reports it
        }

        if (w4 is null || !W4Rules.Validate(w4).IsValid || W4Mapping.ToForm(w4) is not { } form)
        {
            return false;
        }

        if (effectiveText is null)
        {
            return profile.CurrentW4.Form.Equals(form);
        }

        return DateOnly.TryParseExact(effectiveText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective)
            && profile.W4History.FirstOrDefault(w => w.EffectiveDate == effective)?.Form.Equals(form) == true;
    }
}
