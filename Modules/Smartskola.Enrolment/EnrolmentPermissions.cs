using Smartskola.Core.Security;

namespace Smartskola.Enrolment;

/// <summary>
/// Patient data is unit-owned: every permission here is further limited to the holder's own care units, checked on
/// every request (an administrator is not a member of a unit and so sees no patient). Figures and unit rules hold no
/// patient data, so administrators get them for every unit.
/// </summary>
public static class EnrolmentPermissions
{
    public const string ManagePatients = "Enrolment.ManagePatients";
    public const string ViewFigures = "Enrolment.ViewFigures";
    public const string UnitSettings = "Enrolment.UnitSettings";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManagePatients, "Skriva in patienter och följa deras program (egna vårdenheter)", [Roles.Clinician]),
        new(ViewFigures, "Se vårdenhetens siffror för programmet (egna vårdenheter)", [Roles.UnitManager, Roles.Administrator]),
        new(UnitSettings, "Ändra vårdenhetens regler för inaktivitet och gallring (egna vårdenheter)", [Roles.UnitManager, Roles.Administrator]),
    ];
}
