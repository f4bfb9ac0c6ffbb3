using System.Reflection;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Common.Behaviors;

namespace PayrollPortal.Architecture.Tests;

/// <summary>
/// The one pipeline order (issue 18), pinned: what the composition root registers must be this list. Reordering fails
/// here; change both together, with a reason.
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
}
