using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>A kr employee: the 주민등록번호 and the withholding profile with its history, paid monthly.</summary>
public sealed class KoreaEmployeeProfiles : IEmployeeProfiles
{
    public bool TakesPayFrequency => false;

    private static readonly KoreaHireFields.Validator HireRules = new();
    private static readonly KoreaChangeFields.Validator ChangeRules = new();

    public string Regime => KoreaRegime.RegimeCode;

    public string MaskNationalId(string last4) => ResidentRegistrationNumber.Mask(last4);

    public Result<NewEmployeeProfile> ForHire(RegimeFields fields, DateOnly hireDate)
    {
        var read = fields.Read(string.Empty, KoreaRequestErrors.NotAnEmployeeField, HireRules);
        if (!read.IsSuccess)
        {
            return Result<NewEmployeeProfile>.Failure(read.Errors);
        }

        var rrn = ResidentRegistrationNumber.Create(read.Value!.ResidentRegistrationNumber).Value!;
        var profile = read.Value.Kr!.ToDomain(hireDate);
        return new NewEmployeeProfile(
            new KoreaEmployeeProfile([profile]),
            new NationalId(rrn.Digits, rrn.Last4, KoreaRequestErrors.RrnTaken),
            PayFrequency.Monthly,
            new Dictionary<string, object?>
            {
                ["regime"] = KoreaRegime.RegimeCode,
                ["dependents"] = profile.Dependents,
                ["childrenAged8To20"] = profile.ChildrenAged8To20,
                ["withholdingRatio"] = profile.WithholdingRatio,
                ["profileEffectiveDate"] = profile.EffectiveDate,
            });
    }

    public IReadOnlyList<Error> CheckChange(RegimeFields fields) => fields.Read(string.Empty, KoreaRequestErrors.NotAnEmployeeField, ChangeRules).Errors;

    public Result<EmployeeProfileChange> Change(RegimeFields fields, Employee employee)
    {
        var read = fields.Read(string.Empty, KoreaRequestErrors.NotAnEmployeeField, ChangeRules);
        if (!read.IsSuccess)
        {
            return Result<EmployeeProfileChange>.Failure(read.Errors);
        }

        var request = read.Value!;
        var audit = new Dictionary<string, object?>();
        NationalId? id = null;

        // Like the SSN: never the 주민등록번호's digits, only that it changed.
        if (request.ResidentRegistrationNumber.HasValue)
        {
            var rrn = ResidentRegistrationNumber.Create(request.ResidentRegistrationNumber.Value).Value!;
            id = new NationalId(rrn.Digits, rrn.Last4, KoreaRequestErrors.RrnTaken);
            audit["residentRegistrationNumber"] = "changed";
        }

        if (request.Kr.Value is { } kr)
        {
            var profile = kr.ToDomain(kr.EffectiveDate!.Value);
            ((KoreaEmployeeProfile)employee.TaxProfile).Change(profile);
            audit["dependents"] = profile.Dependents;
            audit["childrenAged8To20"] = profile.ChildrenAged8To20;
            audit["withholdingRatio"] = profile.WithholdingRatio;
            audit["profileEffectiveDate"] = profile.EffectiveDate;
        }

        return new EmployeeProfileChange(id, null, audit);
    }

    public void Describe(Employee employee, IDictionary<string, object?> members)
    {
        var profile = (KoreaEmployeeProfile)employee.TaxProfile;
        members["kr"] = KoreaProfileDto.From(profile.Current);
        members["krHistory"] = profile.History.Select(KoreaProfileDto.From).ToList();
    }
}
