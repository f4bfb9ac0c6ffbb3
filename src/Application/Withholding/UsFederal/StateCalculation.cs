using System.Text.Json;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The state part of a calculation: the request's <c>state</c> onto the engine's input. AL and OR subtract this period's
/// federal income tax, MA this period's FICA; by default those are what the same calculation withholds, and the request
/// may override them (as the publications' worked examples do).
/// </summary>
internal static class StateCalculation
{
    public static IReadOnlyList<Error> Validate(CalculateWithholding request, StateWithholdingEngine states)
    {
        var errors = new List<Error>();
        var state = StateRequest.Read(request.State!.Value, "state", certificateOnly: false, errors);
        if (state is null || errors.Count > 0 || request.PayDate is not { } payDate)
        {
            return errors;
        }

        if (!states.IsJurisdiction(state.Jurisdiction))
        {
            errors.Add(StateErrors.JurisdictionUnknown(state.Jurisdiction, states.Jurisdictions));
            return errors;
        }

        // The frequency is checked by the federal rules; an unknown one is reported there, not twice.
        if (!WithholdingInputParser.TryParsePayFrequency(request.PayFrequency, out var frequency))
        {
            return errors;
        }

        errors.AddRange(states.Validate(Input(state, payDate, frequency, request.GrossWages ?? 0m, request.SupplementalWages ?? 0m, default, 0m, 0m)));
        return errors;
    }

    public static Result<StateWithholding> Calculate(CalculateWithholding request, UsFederalWithholdingInput input, DateOnly payDate, UsFederalWithholding federal, StateWithholdingEngine states)
    {
        var errors = new List<Error>();
        var state = StateRequest.Read(request.State!.Value, "state", certificateOnly: false, errors)!;
        return states.Calculate(Input(
            state,
            payDate,
            input.PayFrequency,
            input.GrossWages,
            input.SupplementalWages,
            input.PreTaxDeductions,
            federal.FederalIncomeTax,
            federal.SocialSecurity + federal.Medicare + federal.AdditionalMedicare));
    }

    private static StateWithholdingInput Input(StateRequest state, DateOnly payDate, Domain.Withholding.PayFrequency frequency, decimal gross, decimal supplemental,
        PreTaxDeductions deductions, decimal federalIncomeTax, decimal fica) =>
        new(
            state.Jurisdiction!,
            payDate,
            frequency,
            gross,
            state.Certificate,
            supplemental,
            deductions,
            state.PeriodFederalIncomeTax ?? federalIncomeTax,
            state.PeriodFicaWithholding ?? fica,
            state.RetirementDeductionUsedYtd ?? 0m);
}
