using System.Security.Claims;

namespace Smartskola.Core.Navigation;

/// <param name="Badge">A count to notice (e.g. unread messages); null or 0 shows none.</param>
/// <param name="BadgeLabel">What the count means, for screen readers (e.g. "olästa").</param>
public sealed record PatientMenuItem(string Label, string Url, int Order, int? Badge = null, string? BadgeLabel = null);

/// <summary>
/// How modules add entries to the patient's main menu (after the program's own) without the theme knowing them,
/// e.g. "Meddelanden" with the unread count. Called on every patient page: keep it to one cheap query.
/// </summary>
public interface IPatientMenuItems
{
    Task<IReadOnlyList<PatientMenuItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
