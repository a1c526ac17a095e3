using Microsoft.Extensions.DependencyInjection;
using Smartskola.Enrolment.Workspace;

namespace Smartskola.Notifications.Delivery;

public static class DeliveryServices
{
    /// <summary>The clinician's view of an enrolment's notifications and its link on the patient page.</summary>
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services)
    {
        services.AddScoped<DeliveryStatus>();
        services.AddScoped<IEnrolmentLinks, NotificationsEnrolmentLinks>();
        return services;
    }
}
