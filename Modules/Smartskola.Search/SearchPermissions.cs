using Smartskola.Core.Security;

namespace Smartskola.Search;

public static class SearchPermissions
{
    public const string Rebuild = "Search.Rebuild";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Rebuild, "Bygga om sökindexet", [Roles.Administrator]),
    ];
}
