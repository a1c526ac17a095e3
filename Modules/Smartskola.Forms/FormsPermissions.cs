using Smartskola.Core.Security;

namespace Smartskola.Forms;

/// <summary>
/// Templates belong to a care unit: design rights apply to the holder's own units' templates (and what is shared
/// with them). Dispatch, follow-up and export concern patients and are limited to the holder's own units.
/// </summary>
public static class FormsPermissions
{
    public const string Design = "Forms.Design";
    public const string Dispatch = "Forms.Dispatch";
    public const string Export = "Forms.Export";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Design, "Utforma, publicera och dela formulärmallar (egna vårdenheter)", [Roles.FormDesigner]),
        new(Dispatch, "Skicka formulär till patienter och följa upp svaren (egna vårdenheter)", [Roles.Clinician]),
        new(Export, "Exportera formulärsvar (egna vårdenheter)", [Roles.Clinician, Roles.UnitManager]),
    ];
}
