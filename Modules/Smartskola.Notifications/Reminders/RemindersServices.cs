using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Notifications.Reminders;

public static class RemindersServices
{
    /// <summary>The reminder job and its background service.</summary>
    public static IServiceCollection AddNotificationReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Notifications:Reminders:Interval must be positive.");
        services.AddScoped<ReminderJob>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}
