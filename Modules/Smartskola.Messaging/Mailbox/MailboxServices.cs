using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Messaging.Mailbox;

public static class MailboxServices
{
    /// <summary>Registers the unit mailbox (funktionsbrevlåda) list.</summary>
    public static IServiceCollection AddUnitMailbox(this IServiceCollection services)
    {
        services.AddScoped<UnitMailbox>();
        return services;
    }
}
