using Smartskola.Core.Security;

namespace Smartskola.Users;

public static class UsersPermissions
{
    public const string ManageUsers = "Users.ManageUsers";
    public const string ManageUnits = "Users.ManageUnits";
    public const string ViewOwnUnits = "Users.ViewOwnUnits";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManageUsers, "Hantera användare och roller", [Roles.Administrator]),
        new(ManageUnits, "Hantera vårdenheter", [Roles.Administrator]),
        new(ViewOwnUnits, "Se egna vårdenheter",
            [Roles.Clinician, Roles.UnitManager, Roles.Editor, Roles.FormDesigner]),
    ];
}
