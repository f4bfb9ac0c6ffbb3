using System.Reflection;
using NetArchTest.Rules;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Architecture.Tests;

/// <summary>
/// A regime is a module: its types live in namespaces named after it (<c>...Withholding.Korea</c>,
/// <c>...Persistence.Korea</c>, <c>...Cli.UsFederal</c>, in folders of the same name), and only those namespaces and the
/// composition root that registers it (<c>Api/Hosting/RegimeModules.cs</c>) may use them. Every other type knows regimes
/// through the parts in <c>Application/Regimes</c>. Checked on the compiled assemblies, so a comment is not a use.
/// </summary>
public sealed class RegimeBoundaryTests
{
    private const string CompositionRoot = "PayrollPortal.Api.Hosting.RegimeModules";

    private static readonly Assembly[] Product =
    [
        typeof(PayrollPortal.Domain.Common.Money).Assembly,
        typeof(PayrollPortal.Application.DependencyInjection).Assembly,
        typeof(PayrollPortal.Infrastructure.DependencyInjection).Assembly,
        typeof(PayrollPortal.Api.Endpoints.PayrollEndpoints).Assembly,
    ];

    [Theory]
    [InlineData("UsFederal")]
    [InlineData("Korea")]
    public void Types_OutsideTheRegimesNamespaces_ShouldUseNoneOfItsTypes(string regime)
    {
        RegimeTypes(Product, regime).ShouldNotBeEmpty();

        var offenders = Offenders(Product, regime);

        offenders.ShouldBeEmpty($"These types use {regime} types outside its module; move the code into the regime's folders or reach it through a part in Application/Regimes:\n{string.Join("\n", offenders)}");
    }

    [Theory]
    [InlineData("UsFederal", typeof(CoreCodeThatUsesUsFederal))]
    [InlineData("Korea", typeof(CoreCodeThatUsesKorea))]
    public void Check_WhenACoreTypeUsesARegimeType_ShouldNameIt(string regime, Type planted)
    {
        Offenders([typeof(RegimeBoundaryTests).Assembly], regime).ShouldContain(planted.FullName!);
    }

    private static List<string> RegimeTypes(IEnumerable<Assembly> assemblies, string regime) =>
        [.. assemblies.SelectMany(a => a.GetTypes()).Where(t => InRegime(t.Namespace, regime)).Select(t => t.FullName!)];

    private static List<string> Offenders(Assembly[] assemblies, string regime)
    {
        var regimeNamespaces = Product.Concat(assemblies).SelectMany(a => a.GetTypes()).Select(t => t.Namespace).OfType<string>()
            .Where(ns => InRegime(ns, regime)).Distinct().ToArray();
        var result = Types.InAssemblies(assemblies)
            .That().DoNotResideInNamespaceMatching($@"\.{regime}(\.|$)")
            .ShouldNot().HaveDependencyOnAny(regimeNamespaces)
            .GetResult();

        // The composition root registers the regimes; the Mediator source generator's dispatcher lists every handler.
        return [.. (result.FailingTypeNames ?? []).Where(name =>
            !name.StartsWith(CompositionRoot, StringComparison.Ordinal) && !name.StartsWith("Mediator.", StringComparison.Ordinal))];
    }

    private static bool InRegime(string? ns, string regime) =>
        ns is not null && (ns.EndsWith("." + regime, StringComparison.Ordinal) || ns.Contains("." + regime + ".", StringComparison.Ordinal));
}

/// <summary>Planted for the check's own test: core-looking code that uses a us-federal type.</summary>
internal sealed class CoreCodeThatUsesUsFederal
{
    public string Code => UsFederalRegime.RegimeCode + typeof(UsFederalProfile).Name;
}

/// <summary>Planted for the check's own test: core-looking code that uses a kr type.</summary>
internal sealed class CoreCodeThatUsesKorea
{
    public string Code => typeof(KoreaRegime).Name;
}
