namespace Smartskola.Core.Security;

/// <summary>The built-in roles. Role names are stable identifiers; the UI shows <see cref="DisplayName"/>.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string FormDesigner = "FormDesigner";
    public const string Clinician = "Clinician";
    public const string UnitManager = "UnitManager";
    public const string Patient = "Patient";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Editor, FormDesigner, Clinician, UnitManager, Patient];

    public static readonly IReadOnlyList<string> Staff =
        [Administrator, Editor, FormDesigner, Clinician, UnitManager];

    /// <summary>Built-in roles in their usual order first, then any others (added by recipes) by name.</summary>
    public static IReadOnlyList<string> InDisplayOrder(IEnumerable<string> roles) =>
        roles.OrderBy(r => All.Contains(r) ? All.ToList().IndexOf(r) : int.MaxValue)
            .ThenBy(r => r, StringComparer.Ordinal).ToList();

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administratör",
        Editor => "Redaktör",
        FormDesigner => "Formulärdesigner",
        Clinician => "Behandlare",
        UnitManager => "Enhetschef",
        Patient => "Patient",
        _ => role,
    };
}
