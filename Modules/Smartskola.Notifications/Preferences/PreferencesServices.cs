using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Navigation;
using Smartskola.Core.Patients;

namespace Smartskola.Notifications.Preferences;

public static class PreferencesServices
{
    /// <summary>The patient's "Inställningar" (settings, address verification), its menu entry and the purge of its data.</summary>
    public static IServiceCollection AddNotificationPreferences(this IServiceCollection services)
    {
        services.AddScoped<PatientPreferences>();
        services.AddScoped<ContactVerifier>();
        services.AddScoped<IPatientMenuItems, SettingsMenuItem>();
        services.AddScoped<IPatientDataPurger, NotificationDataPurger>();
        return services;
    }
}
