using Smartskola.Core.Security;

namespace Smartskola.AuditTrail;

public static class AuditPermissions
{
    public const string ViewAll = "Audit.ViewAll";
    public const string ViewOwnUnits = "Audit.ViewOwnUnits";
    public const string Verify = "Audit.Verify";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ViewAll, "Se hela granskningsloggen", [Roles.Administrator]),
        new(ViewOwnUnits, "Se granskningsloggen för egna vårdenheter", [Roles.UnitManager]),
        new(Verify, "Verifiera granskningsloggens kedja", [Roles.Administrator]),
    ];
}
