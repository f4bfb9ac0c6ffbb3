using System.Reflection;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common.Behaviors;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Architecture.Tests;

/// <summary>
/// The one pipeline order (issue 18), pinned: what the composition root registers and what docs/ARCHITECTURE.md tells a new
/// developer must both be this list. Reordering either fails here; change all three together, with a reason in the doc.
/// </summary>
public sealed class PipelineOrderTests
{
    /// <summary>First is outermost.</summary>
    private static readonly Type[] Order =
    [
        typeof(LoggingBehavior<,>),
        typeof(BusinessMetricsBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(IdempotencyBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(UnitOfWorkBehavior<,>),
    ];

    [Fact]
    public void Pipeline_WhenRegistered_ShouldRunLoggingMetricsAuthorizationIdempotencyValidationUnitOfWork()
    {
        var services = new ServiceCollection();
        var payrollServices = typeof(Program).Assembly.GetType("PayrollPortal.Api.Hosting.PayrollServices", throwOnError: true)!;
        payrollServices.GetMethod("AddPayrollCore", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [services]);

        var registered = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>))
            .Select(d => d.ImplementationType is { IsGenericType: true } type ? type.GetGenericTypeDefinition() : d.ImplementationType)
            .Distinct()
            .Select(t => t?.Name)
            .ToArray();

        registered.ShouldBe(Order.Select(t => t.Name).ToArray());
    }

    [Fact]
    public void ArchitectureMd_WhenItStatesThePipeline_ShouldListTheBehavioursInTheRegisteredOrder()
    {
        var document = RepositoryFiles.Read("docs/ARCHITECTURE.md");
        var start = document.IndexOf("\n## The pipeline", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/ARCHITECTURE.md has no \"## The pipeline\" section");
        var end = document.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = document[start..(end < 0 ? document.Length : end)];

        var positions = Order.Select(t => section.IndexOf($"`{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}`", StringComparison.Ordinal)).ToArray();

        positions.ShouldAllBe(p => p >= 0, "every behaviour is named, in backticks, in docs/ARCHITECTURE.md's pipeline section");
        positions.ShouldBe(positions.Order().ToArray(), "docs/ARCHITECTURE.md lists the behaviours in another order than PayrollServices registers them");
    }
}
