using Smartskola.Core.Security;

namespace Smartskola.Media;

public static class MediaPermissions
{
    /// <summary>Upload, describe, replace and delete library files; fetch any file.</summary>
    public const string Manage = "Media.Manage";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Manage, "Hantera mediebiblioteket", [Roles.Administrator, Roles.Editor]),
    ];
}
