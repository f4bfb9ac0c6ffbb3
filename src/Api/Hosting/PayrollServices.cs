using PayrollPortal.Api.Http.Idempotency;
using PayrollPortal.Application;
using PayrollPortal.Application.Common.Idempotency;
using PayrollPortal.Application.Common.Behaviors;
using PayrollPortal.Infrastructure;

namespace PayrollPortal.Api.Hosting;

/// <summary>What the server and the verbs that send messages (<c>payroll seed-demo</c>) share: use cases, adapters and the one pipeline.</summary>
internal static class PayrollServices
{
    /// <summary>
    /// Application, Infrastructure and Mediator. The caller adds its own <see cref="Application.Common.IRequestContext"/> and
    /// <see cref="Application.Identity.ICurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddPayrollCore(this IServiceCollection services)
    {
        services.AddApplication();
        services.AddInfrastructure();
        services.AddRegimeModules();

        // Any sender may attach an idempotency key (the server per request, a verb if it wants), so both keep keys as long.
        services.AddSingleton(sp => new IdempotencyRetention(IdempotencyOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()).Retention));
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;

            // The one pipeline order, first = outermost; why each sits where it does is in docs/ARCHITECTURE.md ("The
            // pipeline"), and tests/Architecture.Tests/PipelineOrderTests.cs fails if it changes.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(BusinessMetricsBehavior<,>), // outside the unit of work: only committed commands count
                typeof(AuthorizationBehavior<,>), // before validation: a caller who may not write learns nothing about the body
                typeof(IdempotencyBehavior<,>), // looks the key up, replays, refuses or stores; before validation, as a replay must be
                typeof(ValidationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>), // innermost: commits the rows and the key's stored response together
            ];
        });

        return services;
    }
}
