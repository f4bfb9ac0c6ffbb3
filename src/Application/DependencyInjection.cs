using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace PayrollPortal.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators. The Mediator pipeline itself is ordered once, in the Api host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}
