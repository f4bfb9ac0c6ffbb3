using Microsoft.Extensions.DependencyInjection;

namespace PayrollPortal.Application.Exports;

public static class ExportWriterRegistration
{
    /// <summary>
    /// Makes <typeparamref name="TWriter"/> an export format: one instance, found as a format by <see cref="ExportFormats"/>
    /// and, for a register format, as a register writer by the download.
    /// </summary>
    public static IServiceCollection AddExportWriter<TWriter>(this IServiceCollection services)
        where TWriter : class, IExportWriter
    {
        services.AddSingleton<TWriter>();
        services.AddSingleton<IExportWriter>(sp => sp.GetRequiredService<TWriter>());
        if (typeof(IRegisterFileWriter).IsAssignableFrom(typeof(TWriter)))
        {
            services.AddSingleton(sp => (IRegisterFileWriter)sp.GetRequiredService<TWriter>());
        }

        return services;
    }
}
