using System.Text.Json;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// An employee's <c>workState</c> and <c>stateCertificate</c>: read with the calculation's rules and checked against the
/// state's edition in force on the effective date (or the next one, so an employee can be hired before a new edition's
/// first day). The pay frequency is checked when a payroll runs, not here.
/// </summary>
internal static class StateCertificates
{
    public static StateCertificate? Read(StateWithholdingEngine states, string? workState, JsonElement? certificate, DateOnly effectiveDate, List<Error> errors)
    {
        var read = certificate is { ValueKind: not JsonValueKind.Null } json
            ? StateRequest.Read(json, "stateCertificate", certificateOnly: true, errors)?.Certificate
            : StateCertificate.Empty;
        if (workState is null)
        {
            if (certificate is { ValueKind: not JsonValueKind.Null })
            {
                errors.Add(Error.Validation("employee.work_state_required", "stateCertificate needs a workState.", "workState"));
            }

            return read;
        }

        if (!states.IsJurisdiction(workState))
        {
            errors.Add(StateErrors.JurisdictionUnknown(workState, states.Jurisdictions) with { Field = "workState" });
            return read;
        }

        if (read is null || errors.Count > 0)
        {
            return read;
        }

        var edition = states.FindEdition(workState, effectiveDate)
            ?? states.Editions.Where(e => e.Jurisdiction == workState && e.EffectiveFrom > effectiveDate).OrderBy(e => e.EffectiveFrom).FirstOrDefault()
            ?? states.Editions.Last(e => e.Jurisdiction == workState);
        var payDate = edition.Covers(effectiveDate) ? effectiveDate : edition.EffectiveFrom;
        var input = new StateWithholdingInput(workState, payDate, edition.Method.Frequencies[0], 0m, read);
        foreach (var error in states.Validate(input))
        {
            errors.Add(error with { Field = error.Field?.Replace("state.", "stateCertificate.", StringComparison.Ordinal), Message = error.Message.Replace("state.", "stateCertificate.", StringComparison.Ordinal) });
        }

        return read;
    }

    public static StateCertificateDto ToDto(StateCertificate c) => new(
        c.FilingStatus, c.Allowances, c.SecondaryAllowances, c.AdditionalWithholding, c.ElectedRate, c.ElectedAnnualAmount,
        c.Exemptions is { } e ? new StateExemptionsDto(e.Personal, e.Dependent, e.FirstTimeDependent, e.Adopted) : null, c.RateSchedule, c.MdResidentInDe);
}

/// <summary>A state withholding certificate as the API shows it: the <c>state</c> object's fields less the jurisdiction.</summary>
public sealed record StateCertificateDto(
    string? FilingStatus,
    int Allowances,
    int SecondaryAllowances,
    decimal AdditionalWithholding,
    decimal? ElectedRate,
    decimal? ElectedAnnualAmount,
    StateExemptionsDto? Exemptions,
    string? RateSchedule,
    bool MdResidentInDe);

public sealed record StateExemptionsDto(int Personal, int Dependent, int FirstTimeDependent, int Adopted);

/// <summary>One entry of an employee's state history.</summary>
public sealed record EmployeeStateDto(DateOnly EffectiveDate, string? WorkState, StateCertificateDto StateCertificate);
