using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Notifications.Sending;

public static class SendingServices
{
    /// <summary>The notifiers other modules call (messages, forms) and the texts they send.</summary>
    public static IServiceCollection AddNotificationSending(this IServiceCollection services)
    {
        services.AddScoped<NotificationTexts>();
        services.AddScoped<IPatientNotifier, PatientNotifier>();
        services.AddScoped<IStaffNotifier, StaffNotifier>();
        return services;
    }
}
