using PayrollPortal.Application.Common;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.TestSupport.FlatTax;

/// <summary>An employee of an xx-flat company: an eight-digit tax id and a tax code with its history.</summary>
public sealed class FlatTaxEmployees : IEmployeeProfiles
{
    private static readonly FlatTaxFields.HireRules HireRules = new();
    private static readonly FlatTaxFields.ChangeRules ChangeRules = new();

    public string Regime => FlatTaxRegime.RegimeCode;

    public string MaskNationalId(string last4) => "****" + last4;

    public static Error NotAField(string field) =>
        Error.Validation("employee.regime_mismatch", $"{field} is not a field of an {FlatTaxRegime.RegimeCode} employee: send taxId and taxCode.", field);

    public Result<NewEmployeeProfile> ForHire(RegimeFields fields, DateOnly hireDate)
    {
        var read = fields.Read(string.Empty, NotAField, HireRules);
        if (!read.IsSuccess)
        {
            return Result<NewEmployeeProfile>.Failure(read.Errors);
        }

        var hire = read.Value!;
        var profile = new FlatTaxProfile { History = [new FlatTaxCode(hireDate, hire.TaxCode!)] };
        return new NewEmployeeProfile(
            profile,
            new NationalId(hire.TaxId!, hire.TaxId![^4..], Error.Conflict("employee.tax_id_taken", "Another employee of this company has this taxId.", "taxId")),
            EnumText.ParsePayFrequency(hire.PayFrequency),
            new Dictionary<string, object?> { ["taxCode"] = hire.TaxCode });
    }

    public IReadOnlyList<Error> CheckChange(RegimeFields fields) => fields.Read(string.Empty, NotAField, ChangeRules).Errors;

    public Result<EmployeeProfileChange> Change(RegimeFields fields, Employee employee)
    {
        var read = fields.Read(string.Empty, NotAField, ChangeRules);
        if (!read.IsSuccess)
        {
            return Result<EmployeeProfileChange>.Failure(read.Errors);
        }

        var change = read.Value!;
        var audit = new Dictionary<string, object?>();
        NationalId? id = null;
        if (change.TaxId.HasValue)
        {
            id = new NationalId(change.TaxId.Value!, change.TaxId.Value![^4..], Error.Conflict("employee.tax_id_taken", "Another employee has this taxId.", "taxId"));
            audit["taxId"] = "changed";
        }

        if (change.TaxCode.HasValue)
        {
            ((FlatTaxProfile)employee.TaxProfile).Change(new FlatTaxCode(change.TaxCodeEffectiveDate.Value!.Value, change.TaxCode.Value!));
            audit["taxCode"] = change.TaxCode.Value;
        }

        return new EmployeeProfileChange(id, null, audit);
    }

    public void Describe(Employee employee, IDictionary<string, object?> members)
    {
        var profile = (FlatTaxProfile)employee.TaxProfile;
        members["taxCode"] = profile.History[^1].TaxCode;
        members["taxCodeHistory"] = profile.History;
    }
}
