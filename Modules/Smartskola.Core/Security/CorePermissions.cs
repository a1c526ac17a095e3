namespace Smartskola.Core.Security;

/// <summary>The two areas of the site. Every staff page requires <see cref="StaffArea"/>, every patient page <see cref="PatientArea"/>.</summary>
public static class CorePermissions
{
    public const string StaffArea = "Core.StaffArea";
    public const string PatientArea = "Core.PatientArea";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(StaffArea, "Använda personalens arbetsyta", Roles.Staff),
        new(PatientArea, "Använda patientens sidor", [Roles.Patient]),
    ];
}
