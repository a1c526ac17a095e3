using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Forms.Answering;

public static class AnsweringServices
{
    /// <summary>Registers the services of the forms module's answering part.</summary>
    public static IServiceCollection AddFormAnswering(this IServiceCollection services)
    {
        return services;
    }
}
