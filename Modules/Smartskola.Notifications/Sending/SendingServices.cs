using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;

namespace Smartskola.Notifications.Sending;

public static class SendingServices
{
    /// <summary>The notifiers other modules call (messages, forms) and the texts they send.</summary>
    public static IServiceCollection AddNotificationSending(this IServiceCollection services)
    {
        services.AddScoped<NotificationTexts>();
        services.AddScoped<IPatientNotifier, PatientNotifier>();
        services.AddScoped<IStaffNotifier, StaffNotifier>();
        services.AddScoped<IOutboxSendGuard, NotificationSendGuard>();
        return services;
    }
}
