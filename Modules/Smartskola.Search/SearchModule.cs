using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Handlers;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Search.Data;
using Smartskola.Search.Indexing;
using Smartskola.Search.Querying;

namespace Smartskola.Search;

/// <summary>
/// Full-text search over content with Swedish stemming (SQLite FTS5 or PostgreSQL <c>swedish</c>), kept current by
/// content events; the editors' search page and the index rebuild. Patient search lives with the program, which
/// knows what is open to whom.
/// </summary>
public sealed class SearchModule : ModuleStartup
{
    public override string Name => "Search";

    public override int Order => 35;

    public override IEnumerable<Permission> Permissions => SearchPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Sök i innehållet", "/admin/sok", ContentPermissions.AccessAdmin, 24),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<SearchDbContext, SearchSqliteDbContext, SearchPostgresDbContext>(Name);
        services.AddScoped<SearchIndexer>();
        services.AddScoped<SearchService>();
        services.AddContentHandler<SearchContentHandler>();
        services.AddScoped<IContentImportListener, SearchImportListener>();
    }
}
