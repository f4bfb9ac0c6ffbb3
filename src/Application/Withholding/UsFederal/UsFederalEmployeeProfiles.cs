using PayrollPortal.Application.Common;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>A us-federal employee: the SSN, the pay frequency, the exemption claim and the W-4 with its history.</summary>
public sealed class UsFederalEmployeeProfiles : IEmployeeProfiles
{
    private static readonly UsFederalHireFields.Validator HireRules = new();
    private static readonly UsFederalChangeFields.Validator ChangeRules = new();

    public string Regime => UsFederalRegime.RegimeCode;

    public string MaskNationalId(string last4) => Ssn.Mask(last4);

    public Result<NewEmployeeProfile> ForHire(RegimeFields fields, DateOnly hireDate)
    {
        var read = fields.Read(string.Empty, UsFederalRequestErrors.NotAnEmployeeField, HireRules);
        if (!read.IsSuccess)
        {
            return Result<NewEmployeeProfile>.Failure(read.Errors);
        }

        var request = read.Value!;
        var ssn = Ssn.Create(request.Ssn).Value!;
        var effective = request.W4EffectiveDate ?? hireDate;
        var profile = new UsFederalProfile(request.Exempt ?? false, [new EmployeeW4(effective, W4Mapping.ToForm(request.W4!)!)]);
        return new NewEmployeeProfile(
            profile,
            new NationalId(ssn.Digits, ssn.Last4, EmployeeErrors.SsnTaken),
            EnumText.ParsePayFrequency(request.PayFrequency),
            new Dictionary<string, object?>
            {
                ["payFrequency"] = request.PayFrequency,
                ["exempt"] = profile.Exempt,
                ["w4EffectiveDate"] = effective,
            });
    }

    public IReadOnlyList<Error> CheckChange(RegimeFields fields) => fields.Read(string.Empty, UsFederalRequestErrors.NotAnEmployeeField, ChangeRules).Errors;

    public Result<EmployeeProfileChange> Change(RegimeFields fields, Employee employee)
    {
        var read = fields.Read(string.Empty, UsFederalRequestErrors.NotAnEmployeeField, ChangeRules);
        if (!read.IsSuccess)
        {
            return Result<EmployeeProfileChange>.Failure(read.Errors);
        }

        var request = read.Value!;
        var profile = (UsFederalProfile)employee.TaxProfile;
        var audit = new Dictionary<string, object?>();
        NationalId? id = null;
        if (request.Ssn.HasValue)
        {
            var ssn = Ssn.Create(request.Ssn.Value).Value!;
            id = new NationalId(ssn.Digits, ssn.Last4, EmployeeErrors.SsnTaken);
            audit["ssn"] = "changed";
        }

        PayFrequency? frequency = null;
        if (request.PayFrequency.HasValue)
        {
            frequency = EnumText.ParsePayFrequency(request.PayFrequency.Value);
            audit["payFrequency"] = request.PayFrequency.Value;
        }

        if (request.Exempt.HasValue)
        {
            profile.ChangeExempt(request.Exempt.Value!.Value);
            audit["exempt"] = request.Exempt.Value;
        }

        if (request.W4.HasValue)
        {
            profile.ChangeW4(W4Mapping.ToForm(request.W4.Value!)!, request.W4EffectiveDate.Value!.Value);
            audit["w4"] = "changed";
            audit["w4EffectiveDate"] = request.W4EffectiveDate.Value;
        }

        return new EmployeeProfileChange(id, frequency, audit);
    }

    public void Describe(Employee employee, IDictionary<string, object?> members)
    {
        var profile = (UsFederalProfile)employee.TaxProfile;
        members["exempt"] = profile.Exempt;
        members["w4"] = W4Mapping.ToDto(profile.CurrentW4.Form);
        members["w4EffectiveDate"] = profile.CurrentW4.EffectiveDate;
        members["w4History"] = profile.W4History.Select(w => new EmployeeW4Dto(w.EffectiveDate, W4Mapping.ToDto(w.Form))).ToList();
    }
}
