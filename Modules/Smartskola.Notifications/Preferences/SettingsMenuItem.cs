using System.Security.Claims;
using Smartskola.Core.Navigation;
using Smartskola.Core.Security;

namespace Smartskola.Notifications.Preferences;

/// <summary>"Inställningar" in the patient's main menu, after Messaging's "Meddelanden" (50). No query: no badge.</summary>
public sealed class SettingsMenuItem : IPatientMenuItems
{
    public const string Url = "/program/installningar";

    public Task<IReadOnlyList<PatientMenuItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PatientMenuItem>>(user.HasPermission(CorePermissions.PatientArea)
            ? [new PatientMenuItem("Inställningar", Url, 90)]
            : []);
}
