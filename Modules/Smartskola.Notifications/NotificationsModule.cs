using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Delivery;
using Smartskola.Notifications.Preferences;
using Smartskola.Notifications.Reminders;
using Smartskola.Notifications.Sending;

namespace Smartskola.Notifications;

/// <summary>
/// Notifications to patients and staff: the patient's settings ("Inställningar": channels, verified addresses, quiet
/// hours, weekly digest), the staff setting "Ta emot notifieringar", reminders (inactivity, forms, new module) with a
/// weekly cap, and the clinician's view of delivery status. Sending itself is the Core outbox (e-mail and SMS).
/// </summary>
public sealed class NotificationsModule : ModuleStartup
{
    public override string Name => "Notifications";

    public override int Order => 55;

    public override IEnumerable<Permission> Permissions => NotificationsPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Påminnelser", "/admin/notifieringar/program", NotificationsPermissions.ManageReminders, 8),
        new("Mina notifieringar", "/admin/installningar/notifieringar", CorePermissions.StaffArea, 90),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgresDbContext>(Name);
        services.AddNotificationSending();
        services.AddNotificationPreferences();
        services.AddNotificationReminders();
        services.AddNotificationDelivery();
    }
}
