using Microsoft.Extensions.DependencyInjection;
using Smartskola.Forms.Citizen;

namespace Smartskola.Forms.Export;

public static class ExportServices
{
    /// <summary>Registers the services of the forms module's export part, and of the citizen form (same owner).</summary>
    public static IServiceCollection AddFormExport(this IServiceCollection services)
    {
        services.AddScoped<ResponseSource>();
        services.AddScoped<FormExporter>();
        services.AddScoped<CitizenForms>();
        services.AddSingleton<CitizenGuard>();
        return services;
    }
}
