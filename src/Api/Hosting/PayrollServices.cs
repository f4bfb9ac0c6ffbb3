using PayrollPortal.Application;
using PayrollPortal.Application.Common.Behaviors;
using PayrollPortal.Infrastructure;

namespace PayrollPortal.Api.Hosting;

/// <summary>What the server and the verbs that send messages (<c>payroll seed-demo</c>) share: use cases, adapters and the one pipeline.</summary>
internal static class PayrollServices
{
    /// <summary>Application, Infrastructure and Mediator. The caller adds its own <see cref="Application.Common.IRequestContext"/>.</summary>
    public static IServiceCollection AddPayrollCore(this IServiceCollection services)
    {
        services.AddApplication();
        services.AddInfrastructure();
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;

            // First is outermost. Authorization and idempotency slot in between validation and the unit of work.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>),
            ];
        });
        return services;
    }
}
