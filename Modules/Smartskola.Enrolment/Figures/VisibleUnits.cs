using System.Security.Claims;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;

namespace Smartskola.Enrolment.Figures;

/// <summary>The units whose figures and rules a user may see: administrators every unit, others their own.</summary>
public static class VisibleUnits
{
    public static async Task<IReadOnlyList<CareUnitInfo>> ForAsync(ClaimsPrincipal user, ICareUnitDirectory directory,
        CancellationToken cancellationToken = default)
    {
        var all = await directory.ListAsync(cancellationToken);
        if (user.IsInRole(Roles.Administrator))
        {
            return all;
        }

        var mine = user.CareUnitIds();
        return all.Where(u => mine.Contains(u.Id)).ToList();
    }
}
