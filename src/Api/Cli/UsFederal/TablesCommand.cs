using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding.UsFederal.States;

namespace PayrollPortal.Api.Cli.UsFederal;

/// <summary>
/// <c>payroll tables status</c>: the embedded us-federal tax years and every state edition with its effective dates,
/// method and citation, so an operator can see which publications a release carries and when each runs out. Reads only
/// the tables shipped in the executable; no database, no network.
/// </summary>
internal static class TablesCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document instead of a table." };
        var status = new Command("status", "List the federal tax years and every state's editions: effective dates, method, publication, address, retrieval date.") { json };
        status.SetAction(async (parse, ct) =>
        {
            var federal = UsFederalRegime.FromEmbeddedTables().TaxYears;
            var editions = StateWithholdingEngine.FromEmbeddedTables().Editions;
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    federalTaxYears = federal,
                    states = editions.Select(e => new
                    {
                        jurisdiction = e.Jurisdiction,
                        effectiveFrom = e.EffectiveFrom,
                        effectiveTo = e.EffectiveTo,
                        method = e.MethodName,
                        taxesWages = e.TaxesWages,
                        publication = e.Citation.Publication,
                        url = e.Citation.Url,
                        retrieved = e.Citation.Retrieved,
                        file = e.Source,
                    }),
                }, JsonSerializerOptions.Web));
                return CliExitCodes.Ok;
            }

            await context.Out.WriteLineAsync($"us-federal tax years: {string.Join(", ", federal)}");
            await context.Out.WriteLineAsync($"{editions.Select(e => e.Jurisdiction).Distinct().Count()} jurisdictions, {editions.Count} editions");
            foreach (var edition in editions)
            {
                var to = edition.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open      ";
                var source = edition.TaxesWages ? $"{edition.Citation.Publication} <{edition.Citation.Url}> retrieved {edition.Citation.Retrieved}" : edition.Citation.Publication;
                await context.Out.WriteLineAsync(
                    $"{edition.Jurisdiction}  {edition.EffectiveFrom:yyyy-MM-dd} to {to}  {edition.MethodName,-12} {source}");
            }

            return CliExitCodes.Ok;
        });
        return new Command("tables", "The withholding tables this executable carries.") { status };
    }
}
