using Smartskola.Core.Security;

namespace Smartskola.Notifications;

public static class NotificationsPermissions
{
    /// <summary>The reminder rules of programs (inactivity days, weekly cap).</summary>
    public const string ManageReminders = "Notifications.ManageReminders";

    public static readonly IReadOnlyList<Permission> All =
    [
        // Program rules apply to every unit's patients, so not a unit manager's to change.
        new(ManageReminders, "Ställa in programmens påminnelser (alla vårdenheter)", [Roles.Administrator]),
    ];
}
