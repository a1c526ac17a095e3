using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Forms.Design;

public static class DesignServices
{
    /// <summary>Registers the services of the forms module's design part.</summary>
    public static IServiceCollection AddFormDesign(this IServiceCollection services)
    {
        services.AddScoped<TemplateDesigner>();
        return services;
    }
}
