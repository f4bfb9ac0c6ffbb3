using System.Globalization;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// US state income-tax withholding for the 50 states and DC: picks the edition in force on the pay date, checks the
/// certificate against it, and runs its method. Part of the us-federal regime: the core never sees a state.
/// </summary>
public sealed class StateWithholdingEngine
{
    public const int MaxAllowances = 99;

    // One list per thread, reused: checking a valid period allocates nothing (the benchmark's target).
    [ThreadStatic]
    private static List<Error>? ErrorScratch;
    private readonly Dictionary<string, StateEdition[]> _editions;

    public StateWithholdingEngine(IEnumerable<StateEdition> editions)
    {
        var list = editions.ToList();
        StateTables.CheckEditions(list);
        _editions = list.GroupBy(e => e.Jurisdiction, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.EffectiveFrom).ToArray(), StringComparer.Ordinal);
        Jurisdictions = _editions.Keys.Order(StringComparer.Ordinal).ToArray();
        Editions = Jurisdictions.SelectMany(j => _editions[j]).ToArray();
    }

    /// <summary>The engine over every file embedded in the Domain assembly, each checked; throws <see cref="InvalidTaxTableException"/> on a bad one.</summary>
    public static StateWithholdingEngine FromEmbeddedTables() => new(StateTables.LoadAll());

    public IReadOnlyList<string> Jurisdictions { get; }

    public IReadOnlyList<StateEdition> Editions { get; }

    public bool IsJurisdiction(string? jurisdiction) => jurisdiction is not null && _editions.ContainsKey(jurisdiction);

    public StateEdition? FindEdition(string jurisdiction, DateOnly payDate)
    {
        if (_editions.TryGetValue(jurisdiction, out var editions))
        {
            for (var i = editions.Length - 1; i >= 0; i--)
            {
                if (editions[i].EffectiveFrom <= payDate)
                {
                    // An open edition runs until the next one starts; the loader has checked the closed ones do not overlap.
                    return editions[i].Covers(payDate) ? editions[i] : null;
                }
            }
        }

        return null;
    }

    /// <summary>Every problem with the input at once: jurisdiction, edition, frequency, then the certificate against the edition.</summary>
    public List<Error> Validate(StateWithholdingInput input)
    {
        var errors = new List<Error>();
        Validate(input, errors);
        return errors;
    }

    // Fills the caller's list; the calculation passes a shared empty-check path so a valid period allocates no error list.
    private void Validate(StateWithholdingInput input, List<Error> errors)
    {
        if (!IsJurisdiction(input.Jurisdiction))
        {
            errors.Add(StateErrors.JurisdictionUnknown(input.Jurisdiction, Jurisdictions));
            return;
        }

        if (FindEdition(input.Jurisdiction, input.PayDate) is not { } edition)
        {
            errors.Add(StateErrors.EditionUnavailable(input.Jurisdiction, input.PayDate, _editions[input.Jurisdiction]));
            return;
        }

        if (!edition.Method.Frequencies.Contains(input.PayFrequency))
        {
            errors.Add(StateErrors.FrequencyUnsupported(input.Jurisdiction, input.PayFrequency, edition.Method.Frequencies));
        }

        var certificate = input.Certificate;
        if (edition.FilingStatuses.Count > 0)
        {
            if (certificate.FilingStatus is null && edition.DefaultFilingStatus is null)
            {
                errors.Add(StateErrors.Required("state.filingStatus", edition.FilingStatuses));
            }
            else if (certificate.FilingStatus is { } status && !edition.FilingStatuses.Contains(status))
            {
                errors.Add(StateErrors.NotAllowed("state.filingStatus", status, edition.FilingStatuses));
            }
        }

        if (certificate.Allowances is < 0 or > MaxAllowances)
        {
            errors.Add(StateErrors.Invalid("state.allowances", $"must be a whole number from 0 to {MaxAllowances}."));
        }

        if (certificate.SecondaryAllowances is < 0 or > MaxAllowances)
        {
            errors.Add(StateErrors.Invalid("state.secondaryAllowances", $"must be a whole number from 0 to {MaxAllowances}."));
        }

        if (certificate.Exemptions is { } e && (e.Personal < 0 || e.Dependent < 0 || e.FirstTimeDependent < 0 || e.Adopted < 0
            || e.Personal > MaxAllowances || e.Dependent > MaxAllowances || e.FirstTimeDependent > MaxAllowances || e.Adopted > MaxAllowances))
        {
            errors.Add(StateErrors.Invalid("state.exemptions", $"counts must be whole numbers from 0 to {MaxAllowances}."));
        }

        CheckAmount(errors, "state.additionalWithholding", certificate.AdditionalWithholding);
        CheckAmount(errors, "state.electedAnnualAmount", certificate.ElectedAnnualAmount ?? 0m);
        CheckAmount(errors, "state.periodFederalIncomeTax", input.PeriodFederalIncomeTax);
        CheckAmount(errors, "state.periodFicaWithholding", input.PeriodFicaWithholding);
        CheckAmount(errors, "state.retirementDeductionUsedYtd", input.RetirementDeductionUsedYtd);
        edition.Method.Validate(certificate, errors);
    }

    /// <summary>The period's state income tax; the input must have passed <see cref="Validate"/> (a failure comes back as its errors).</summary>
    public Result<StateWithholding> Calculate(StateWithholdingInput input)
    {
        var errors = ErrorScratch ??= new List<Error>(4);
        errors.Clear();
        Validate(input, errors);
        if (errors.Count > 0)
        {
            return Result<StateWithholding>.Failure(errors.ToArray());
        }

        var edition = FindEdition(input.Jurisdiction, input.PayDate)!;
        var trace = new StateTrace();
        var wages = TaxableWages(edition.Taxability, input);
        var certificate = input.Certificate;
        NoteIgnored(edition, certificate, trace);

        decimal tax;
        if (!edition.TaxesWages)
        {
            tax = edition.Method.Calculate(default, trace);
        }
        else if (wages <= 0m)
        {
            trace.Note("No state-taxable wages this period: only additional withholding.");
            tax = certificate.AdditionalWithholding;
        }
        else
        {
            var context = new StateContext(
                input.PayFrequency,
                wages,
                certificate.FilingStatus ?? edition.DefaultFilingStatus,
                certificate,
                input.PeriodFederalIncomeTax,
                input.PeriodFicaWithholding,
                input.RetirementDeductionUsedYtd,
                edition.FinalRounding);
            tax = Math.Max(0m, edition.Method.Calculate(context, trace)) + certificate.AdditionalWithholding;
        }

        return new StateWithholding(input.Jurisdiction, StateRounding.Cents(wages), StateRounding.Cents(tax), edition, trace);
    }

    /// <summary>Gross plus supplemental wages less the pre-tax deductions the state excludes.</summary>
    public static decimal TaxableWages(StateTaxability taxability, StateWithholdingInput input)
    {
        var deductions = input.PreTaxDeductions;
        var excluded = (taxability.HasFlag(StateTaxability.RetirementTaxed) ? 0m : deductions.Retirement)
            + (taxability.HasFlag(StateTaxability.CafeteriaTaxed) ? 0m : deductions.Cafeteria)
            + (taxability.HasFlag(StateTaxability.HsaTaxed) ? 0m : deductions.Hsa);
        return Math.Max(0m, input.GrossWages + input.SupplementalWages - excluded);
    }

    private static void CheckAmount(List<Error> errors, string field, decimal amount)
    {
        if (amount < 0m || amount > UsFederalRegime.MaxAmount)
        {
            errors.Add(StateErrors.Invalid(field, $"must be from 0 to {UsFederalRegime.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}."));
        }
    }

    // A field this jurisdiction's method does not read is accepted (one certificate shape for every state) and said so.
    private static void NoteIgnored(StateEdition edition, StateCertificate certificate, StateTrace trace)
    {
        var reads = edition.Method.Reads;
        if (edition.FilingStatuses.Count == 0 && certificate.FilingStatus is not null)
        {
            trace.Note("filingStatus is not used: this jurisdiction has no filing status.");
        }

        Ignored(trace, reads, StateInputs.Allowances, certificate.Allowances != 0, "allowances");
        Ignored(trace, reads, StateInputs.SecondaryAllowances, certificate.SecondaryAllowances != 0, "secondaryAllowances");
        Ignored(trace, reads, StateInputs.ElectedRate, certificate.ElectedRate is not null, "electedRate");
        Ignored(trace, reads, StateInputs.ElectedAnnualAmount, certificate.ElectedAnnualAmount is not null, "electedAnnualAmount");
        Ignored(trace, reads, StateInputs.Exemptions, certificate.Exemptions is not null, "exemptions");
        Ignored(trace, reads, StateInputs.RateSchedule, certificate.RateSchedule is not null, "rateSchedule");
        Ignored(trace, reads, StateInputs.MdResidentInDe, certificate.MdResidentInDe, "mdResidentInDe");
    }

    private static void Ignored(StateTrace trace, StateInputs reads, StateInputs input, bool given, string name)
    {
        if (given && !reads.HasFlag(input))
        {
            trace.Note($"{name} is not used by this jurisdiction's method.");
        }
    }
}
