using Smartskola.Core.Security;

namespace Smartskola.Curriculum;

public static class CurriculumPermissions
{
    /// <summary>See the program as a patient would, with a chosen set of open modules, from drafts or published versions.</summary>
    public const string Preview = "Curriculum.Preview";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Preview, "Förhandsgranska programmet som patient", [Roles.Administrator, Roles.Editor, Roles.Clinician]),
    ];
}
