using PayrollPortal.Application.Common;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// A us-federal employee: the SSN, the pay frequency, the exemption claim and the W-4 with its history; the work state and
/// its withholding certificate with theirs.
/// </summary>
public sealed class UsFederalEmployeeProfiles(StateWithholdingEngine states) : IEmployeeProfiles
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
        var stateEffective = request.StateEffectiveDate ?? hireDate;
        var errors = new List<Error>();
        var certificate = StateCertificates.Read(states, request.WorkState, request.StateCertificate, stateEffective, errors);
        if (errors.Count > 0)
        {
            return Result<NewEmployeeProfile>.Failure(errors);
        }

        EmployeeStateCertificate[] stateHistory = request.WorkState is null ? [] : [new EmployeeStateCertificate(stateEffective, request.WorkState, certificate!)];
        var profile = new UsFederalProfile(request.Exempt ?? false, [new EmployeeW4(effective, W4Mapping.ToForm(request.W4!)!)], stateHistory);
        return new NewEmployeeProfile(
            profile,
            new NationalId(ssn.Digits, ssn.Last4, EmployeeErrors.SsnTaken),
            EnumText.ParsePayFrequency(request.PayFrequency),
            new Dictionary<string, object?>
            {
                ["payFrequency"] = request.PayFrequency,
                ["exempt"] = profile.Exempt,
                ["w4EffectiveDate"] = effective,
                ["workState"] = request.WorkState,
            });
    }

    public IReadOnlyList<Error> CheckChange(RegimeFields fields)
    {
        var read = fields.Read(string.Empty, UsFederalRequestErrors.NotAnEmployeeField, ChangeRules);
        if (!read.IsSuccess || read.Value is not { StateEffectiveDate.Value: { } effective } request || !request.WorkState.HasValue || !request.StateCertificate.HasValue)
        {
            return read.Errors;
        }

        // A work state sent with its certificate can be checked without the employee; anything else needs the current state (Change).
        var errors = new List<Error>();
        StateCertificates.Read(states, request.WorkState.Value, request.StateCertificate.Value, effective, errors);
        return errors;
    }

    public Result<EmployeeProfileChange> Change(RegimeFields fields, Employee employee)
    {
        var read = fields.Read(string.Empty, UsFederalRequestErrors.NotAnEmployeeField, ChangeRules);
        if (!read.IsSuccess)
        {
            return Result<EmployeeProfileChange>.Failure(read.Errors);
        }

        var request = read.Value!;
        var profile = (UsFederalProfile)employee.TaxProfile;

        // The state change is checked before anything is applied, so a bad certificate changes nothing.
        EmployeeStateCertificate? state = null;
        if (request.WorkState.HasValue || request.StateCertificate.HasValue)
        {
            var current = profile.CurrentState;
            var workState = request.WorkState.HasValue ? request.WorkState.Value : current?.WorkState;
            var effective = request.StateEffectiveDate.Value!.Value;

            // A certificate is the work state's own form: the current one carries over only while the state stays the same.
            var certificate = current?.Certificate;
            if (request.StateCertificate.HasValue || current?.WorkState != workState)
            {
                var errors = new List<Error>();
                certificate = StateCertificates.Read(states, workState, request.StateCertificate.HasValue ? request.StateCertificate.Value : null, effective, errors);
                if (errors.Count > 0)
                {
                    return Result<EmployeeProfileChange>.Failure(errors);
                }
            }

            state = new EmployeeStateCertificate(effective, workState, certificate ?? StateCertificate.Empty);
        }

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

        if (state is { } change)
        {
            profile.ChangeState(change.WorkState, change.Certificate, change.EffectiveDate);
            audit["workState"] = change.WorkState;
            audit["stateCertificate"] = "changed";
            audit["stateEffectiveDate"] = change.EffectiveDate;
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
        var state = profile.CurrentState;
        members["workState"] = state?.WorkState;
        members["stateCertificate"] = state is null ? null : StateCertificates.ToDto(state.Certificate);
        members["stateEffectiveDate"] = state?.EffectiveDate;
        members["stateHistory"] = profile.StateHistory.Select(s => new EmployeeStateDto(s.EffectiveDate, s.WorkState, StateCertificates.ToDto(s.Certificate))).ToList();
    }
}
