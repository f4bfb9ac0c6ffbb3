using Microsoft.Extensions.DependencyInjection.Extensions;
using PayrollPortal.Application;
using PayrollPortal.Application.Common.Behaviors;
using PayrollPortal.Application.Common.Idempotency;
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
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;

            // First is outermost. Idempotency is innermost so that it completes the key inside the unit of work's transaction;
            // claims and replays happen before the message is sent (IdempotencyFilter), so a replay never reaches validation.
            // Authorization runs after validation and before any transaction. See docs/decisions/0006-idempotency-in-the-pipeline.md.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(BusinessMetricsBehavior<,>), // outside the unit of work: only committed commands count
                typeof(ValidationBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>),
                typeof(IdempotencyBehavior<,>),
            ];
        });

        // Verbs carry no Idempotency-Key; the server replaces this with its per-request claim (IdempotentRequest).
        services.TryAddScoped<IIdempotencyContext, NoIdempotencyKey>();
        return services;
    }

    private sealed class NoIdempotencyKey : IIdempotencyContext
    {
        public string? Key => null;

        public ValueTask CompleteAsync(object response, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No idempotency key was claimed.");
    }
}
