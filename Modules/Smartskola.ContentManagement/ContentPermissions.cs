using Smartskola.ContentManagement.Definitions;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement;

/// <summary>
/// Static permissions govern types that are not securable; a securable type gets its own five permissions
/// (<c>Content.{Type}.View/Edit/EditOwn/Publish/Delete</c>), created with the type and granted to the default roles.
/// </summary>
public static class ContentPermissions
{
    public const string ManageTypes = "Content.ManageTypes";
    public const string EditAll = "Content.EditAll";
    public const string EditOwnAll = "Content.EditOwnAll";
    public const string PublishAll = "Content.PublishAll";
    public const string DeleteAll = "Content.DeleteAll";
    public const string ManageRecycleBin = "Content.ManageRecycleBin";
    public const string PruneVersions = "Content.PruneVersions";
    public const string ImportExport = "Content.ImportExport";

    /// <summary>Anyone who may see the content admin at all (any edit right, on any type).</summary>
    public const string AccessAdmin = "Content.AccessAdmin";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(AccessAdmin, "Öppna innehållsadministrationen", [Roles.Administrator, Roles.Editor]),
        new(ManageTypes, "Hantera innehållstyper", [Roles.Administrator]),
        new(EditAll, "Redigera innehåll (ej skyddade typer)", [Roles.Administrator, Roles.Editor]),
        new(EditOwnAll, "Redigera eget innehåll (ej skyddade typer)", [Roles.Administrator, Roles.Editor]),
        new(PublishAll, "Publicera innehåll (ej skyddade typer)", [Roles.Administrator, Roles.Editor]),
        new(DeleteAll, "Ta bort innehåll (ej skyddade typer)", [Roles.Administrator, Roles.Editor]),
        new(ManageRecycleBin, "Återställa och radera innehåll i papperskorgen", [Roles.Administrator]),
        new(PruneVersions, "Gallra gamla versioner", [Roles.Administrator, Roles.Editor]),
        new(ImportExport, "Exportera recept", [Roles.Administrator]),
    ];

    public static string TypePermission(string type, ContentAction action) => $"Content.{type}.{action}";

    /// <summary>The securable type's own permissions, with their default roles.</summary>
    public static IReadOnlyList<Permission> ForType(ContentTypeDefinition type) =>
    [
        new(TypePermission(type.Name, ContentAction.View), $"{type.DisplayName}: visa",
            [Roles.Administrator, Roles.Editor, Roles.Clinician, Roles.UnitManager, Roles.FormDesigner, Roles.Patient]),
        new(TypePermission(type.Name, ContentAction.Edit), $"{type.DisplayName}: redigera", [Roles.Administrator, Roles.Editor]),
        new(TypePermission(type.Name, ContentAction.EditOwn), $"{type.DisplayName}: redigera eget", [Roles.Administrator, Roles.Editor]),
        new(TypePermission(type.Name, ContentAction.Publish), $"{type.DisplayName}: publicera", [Roles.Administrator, Roles.Editor]),
        new(TypePermission(type.Name, ContentAction.Delete), $"{type.DisplayName}: ta bort", [Roles.Administrator, Roles.Editor]),
    ];
}

public enum ContentAction
{
    View,
    Edit,
    EditOwn,
    Publish,
    Delete,
}
