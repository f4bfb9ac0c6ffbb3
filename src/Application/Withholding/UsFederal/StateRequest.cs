using System.Globalization;
using System.Text.Json;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The <c>state</c> object of a calculation (or an employee's <c>stateCertificate</c>, which is the same minus the
/// jurisdiction and the per-period figures), read by hand so that an unknown member is a 400 naming it and listing the
/// members there are. Money is a JSON number or a numeric string with at most two decimals; a rate is not money.
/// </summary>
public sealed record StateRequest(
    string? Jurisdiction,
    StateCertificate Certificate,
    decimal? PeriodFederalIncomeTax,
    decimal? PeriodFicaWithholding,
    decimal? RetirementDeductionUsedYtd)
{
    public static readonly string[] CertificateFields =
        ["filingStatus", "allowances", "secondaryAllowances", "additionalWithholding", "electedRate", "electedAnnualAmount", "exemptions", "rateSchedule", "mdResidentInDe"];

    public static readonly string[] CalculationFields =
        ["jurisdiction", .. CertificateFields, "periodFederalIncomeTax", "periodFicaWithholding", "retirementDeductionUsedYtd"];

    private static readonly string[] ExemptionFields = ["personal", "dependent", "firstTimeDependent", "adopted"];

    /// <summary>Reads a calculation's <c>state</c> (<paramref name="certificateOnly"/> false) or an employee's certificate (true).</summary>
    public static StateRequest? Read(JsonElement element, string prefix, bool certificateOnly, List<Error> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Error.Validation("state.value_invalid", $"{prefix} must be an object.", prefix));
            return null;
        }

        var allowed = certificateOnly ? CertificateFields : CalculationFields;
        string? jurisdiction = null, filingStatus = null, rateSchedule = null;
        int allowances = 0, secondary = 0;
        decimal additional = 0m;
        decimal? electedRate = null, electedAmount = null, federal = null, fica = null, ytd = null;
        IndianaExemptions? exemptions = null;
        var mdInDe = false;
        foreach (var member in element.EnumerateObject())
        {
            var field = $"{prefix}.{member.Name}";
            var value = member.Value;
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
            {
                errors.Add(StateErrors.UnknownField(field, allowed));
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (member.Name)
            {
                case "jurisdiction": jurisdiction = Text(value, field, errors); break;
                case "filingStatus": filingStatus = Text(value, field, errors); break;
                case "rateSchedule": rateSchedule = Text(value, field, errors); break;
                case "allowances": allowances = Count(value, field, errors); break;
                case "secondaryAllowances": secondary = Count(value, field, errors); break;
                case "additionalWithholding": additional = Money(value, field, errors) ?? 0m; break;
                case "electedAnnualAmount": electedAmount = Money(value, field, errors); break;
                case "periodFederalIncomeTax": federal = Money(value, field, errors); break;
                case "periodFicaWithholding": fica = Money(value, field, errors); break;
                case "retirementDeductionUsedYtd": ytd = Money(value, field, errors); break;
                case "electedRate": electedRate = Number(value, field, errors); break;
                case "mdResidentInDe":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        mdInDe = value.GetBoolean();
                    }
                    else
                    {
                        errors.Add(StateErrors.Invalid(field, "must be true or false."));
                    }

                    break;
                case "exemptions": exemptions = Exemptions(value, field, errors); break;
            }
        }

        return new StateRequest(
            jurisdiction,
            new StateCertificate(filingStatus, allowances, secondary, additional, electedRate, electedAmount, exemptions, rateSchedule, mdInDe),
            federal,
            fica,
            ytd);
    }

    private static IndianaExemptions? Exemptions(JsonElement value, string field, List<Error> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(StateErrors.Invalid(field, "must be an object with personal, dependent, firstTimeDependent and adopted counts."));
            return null;
        }

        int personal = 0, dependent = 0, firstTime = 0, adopted = 0;
        foreach (var member in value.EnumerateObject())
        {
            var name = $"{field}.{member.Name}";
            switch (member.Name)
            {
                case "personal": personal = Count(member.Value, name, errors); break;
                case "dependent": dependent = Count(member.Value, name, errors); break;
                case "firstTimeDependent": firstTime = Count(member.Value, name, errors); break;
                case "adopted": adopted = Count(member.Value, name, errors); break;
                default: errors.Add(StateErrors.UnknownField(name, ExemptionFields)); break;
            }
        }

        return new IndianaExemptions(personal, dependent, firstTime, adopted);
    }

    private static string? Text(JsonElement value, string field, List<Error> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(StateErrors.Invalid(field, "must be a string."));
        return null;
    }

    private static int Count(JsonElement value, string field, List<Error> errors)
    {
        if (Number(value, field, errors) is { } number && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            return (int)number;
        }

        if (!errors.Exists(e => e.Field == field))
        {
            errors.Add(StateErrors.Invalid(field, "must be a whole number."));
        }

        return 0;
    }

    private static decimal? Money(JsonElement value, string field, List<Error> errors)
    {
        var amount = Number(value, field, errors);
        if (amount is { Scale: > 2 })
        {
            errors.Add(Error.Validation("amount.invalid", $"{field}: the amount must have at most two decimal places.", field));
            return null;
        }

        return amount;
    }

    /// <summary>A JSON number, or a string holding one (as money may arrive anywhere in the API).</summary>
    private static decimal? Number(JsonElement value, string field, List<Error> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add(StateErrors.Invalid(field, "must be a number."));
        return null;
    }
}
