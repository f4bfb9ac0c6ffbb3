namespace PayrollPortal.Domain.Withholding;

/// <summary>
/// A withholding regime (a country's or a state's rules), identified by a stable code such as <c>us-federal</c>.
/// Each regime has its own inputs and outputs, so the shared surface is only what a registry and a start-up check need.
/// </summary>
public interface IWithholdingRegime
{
    string Code { get; }

    /// <summary>The tax years this regime has tables for, ascending.</summary>
    IReadOnlyList<int> TaxYears { get; }

    /// <summary>The ISO 4217 currency of the regime's amounts; a company on the regime pays in it. USD unless a regime says otherwise.</summary>
    string CurrencyCode => "USD";
}
