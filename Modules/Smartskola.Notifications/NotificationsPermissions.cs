using Smartskola.Core.Security;

namespace Smartskola.Notifications;

public static class NotificationsPermissions
{
    /// <summary>The reminder rules of programs (inactivity days, weekly cap).</summary>
    public const string ManageReminders = "Notifications.ManageReminders";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManageReminders, "Ställa in programmens påminnelser", [Roles.UnitManager, Roles.Administrator]),
    ];
}
