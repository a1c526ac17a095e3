using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Forms.Export;

public static class ExportServices
{
    /// <summary>Registers the services of the forms module's export part.</summary>
    public static IServiceCollection AddFormExport(this IServiceCollection services)
    {
        services.AddScoped<ResponseSource>();
        services.AddScoped<FormExporter>();
        return services;
    }
}
