using Smartskola.Core.Accounts;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;

namespace Smartskola.Enrolment.Workspace;

/// <summary>The clinicians of some units, each with their unit, for "responsible clinician" and "transfer to" choices.</summary>
public static class UnitClinicians
{
    public static async Task<IReadOnlyList<(StaffMember Clinician, CareUnitInfo Unit)>> ListAsync(this IStaffDirectory staff,
        IEnumerable<CareUnitInfo> units)
    {
        var list = new List<(StaffMember, CareUnitInfo)>();
        foreach (var unit in units)
        {
            list.AddRange((await staff.InUnitAsync(unit.Id, Roles.Clinician)).Select(c => (c, unit)));
        }

        return list;
    }
}
