using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Forms.Dispatch;

public static class DispatchServices
{
    /// <summary>Registers the services of the forms module's dispatch part.</summary>
    public static IServiceCollection AddFormDispatch(this IServiceCollection services)
    {
        return services;
    }
}
