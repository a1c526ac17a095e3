using Smartskola.Core.Security;

namespace Smartskola.Recipes;

public static class RecipesPermissions
{
    public const string Import = "Recipes.Import";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Import, "Importera recept", [Roles.Administrator]),
    ];
}
