using System.Reflection;
using FluentValidation;
using Mediator;
using NetArchTest.Rules;

namespace PayrollPortal.Architecture.Tests;

/// <summary>The dependency rule of the clean architecture, and the message conventions, checked on the compiled assemblies.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(PayrollPortal.Domain.Common.Money).Assembly;
    private static readonly Assembly Application = typeof(PayrollPortal.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(PayrollPortal.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_WhenCompiled_ShouldReferenceNoOtherProjectOrPackage()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        references.ShouldAllBe(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
    }

    [Fact]
    public void Application_WhenCompiled_ShouldNotDependOnInfrastructureApiOrDataAccess()
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "PayrollPortal.Infrastructure", "PayrollPortal.Api", "Dapper", "Npgsql", "Microsoft.Data.Sqlite", "DbUp", "Microsoft.AspNetCore", "Prometheus").GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Infrastructure_WhenCompiled_ShouldNotDependOnApi()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("PayrollPortal.Api").GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// The host's endpoints, HTTP plumbing, identity and metrics reach adapters only through Application's ports; only the
    /// composition root (<c>Api/Hosting</c>, <c>Program</c>) and the operator's verbs (<c>Api/Cli</c>) name Infrastructure.
    /// </summary>
    [Fact]
    public void Api_WhenCompiled_ShouldUseInfrastructureOnlyInItsCompositionRootAndTheCli()
    {
        var outside = Types.InAssembly(typeof(Program).Assembly).That()
            .ResideInNamespaceStartingWith("PayrollPortal.Api")
            .And().DoNotResideInNamespaceStartingWith("PayrollPortal.Api.Hosting")
            .And().DoNotResideInNamespaceStartingWith("PayrollPortal.Api.Cli");

        outside.GetTypes().Select(t => t.Namespace).ShouldContain("PayrollPortal.Api.Http.Idempotency");
        var result = outside.ShouldNot().HaveDependencyOn("PayrollPortal.Infrastructure").GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Messages_WhenDeclared_ShouldBeSealedRecords()
    {
        var messages = MessageTypes().ToArray();

        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(t => t.IsSealed && t.GetMethod("<Clone>$") != null);
    }

    [Fact]
    public void Commands_WhenDeclared_ShouldEachHaveAValidator()
    {
        var validated = Application.GetTypes()
            .SelectMany(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>) ? [b.GetGenericArguments()[0]] : Array.Empty<Type>())
            .ToHashSet();

        var unvalidated = MessageTypes().Where(t => typeof(IBaseCommand).IsAssignableFrom(t) && !validated.Contains(t)).Select(t => t.Name).ToArray();

        unvalidated.ShouldBeEmpty();
    }

    [Fact]
    public void Messages_WhenDeclared_ShouldEachDeclareWhoMaySendThem()
    {
        var undeclared = MessageTypes().Where(t => t.GetCustomAttribute<PayrollPortal.Application.Identity.RequiresAttribute>() is null).Select(t => t.Name).ToArray();

        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public void Messages_WhenRequiringACompanyRole_ShouldNameTheirCompany()
    {
        var companyRules = new[] { PayrollPortal.Application.Identity.Access.Viewer, PayrollPortal.Application.Identity.Access.PayrollManager, PayrollPortal.Application.Identity.Access.CompanyAdmin };

        var unscoped = MessageTypes()
            .Where(t => t.GetCustomAttribute<PayrollPortal.Application.Identity.RequiresAttribute>() is { } rule && companyRules.Contains(rule.Access))
            .Where(t => !typeof(PayrollPortal.Application.Identity.ICompanyScoped).IsAssignableFrom(t)
                && !typeof(PayrollPortal.Application.Identity.IOptionallyCompanyScoped).IsAssignableFrom(t))
            .Select(t => t.Name).ToArray();

        unscoped.ShouldBeEmpty();
    }

    [Fact]
    public void Messages_WhenNamed_ShouldNotCarryCommandOrQuerySuffixes()
    {
        MessageTypes().Select(t => t.Name).ShouldAllBe(n => !n.EndsWith("Command", StringComparison.Ordinal) && !n.EndsWith("Query", StringComparison.Ordinal));
    }

    private static IEnumerable<Type> MessageTypes() =>
        Application.GetTypes().Where(t => !t.IsAbstract && !t.IsInterface && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t)));
}
