using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Fields;
using Smartskola.ContentManagement.Handlers;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;
using Smartskola.ContentManagement.Recipes;
using Smartskola.ContentManagement.Sanitizing;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Recipes;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement;

/// <summary>
/// Content types as data, versioned content items, the admin editor, the sanitizer, public rendering and the
/// recipe steps <c>contentDefinition</c>, <c>content</c> and <c>settings</c>.
/// </summary>
public sealed class ContentManagementModule : ModuleStartup
{
    public override string Name => "ContentManagement";

    public override int Order => 20;

    public override IEnumerable<Permission> Permissions => ContentPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Innehåll", "/admin/innehall", ContentPermissions.AccessAdmin, 20),
        new("Innehållstyper", "/admin/innehallstyper", ContentPermissions.ManageTypes, 21),
        new("Papperskorg", "/admin/innehall/papperskorg", ContentPermissions.ManageRecycleBin, 22),
        new("Export av recept", "/admin/innehall/export", ContentPermissions.ImportExport, 23),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<ContentDbContext, ContentSqliteDbContext, ContentPostgresDbContext>(Name);
        services.AddHttpContextAccessor();
        services.AddSingleton<HtmlSanitizer>();
        services.AddSingleton<IHtmlSanitizer, MemoizingHtmlSanitizer>();
        services.AddSingleton<ContentDriverRegistry>();
        services.AddSingleton<ContentViewResolver>();
        services.AddScoped<ContentRenderer>();
        services.AddScoped<ContentAudit>();
        services.AddScoped<ContentDefinitionManager>();
        services.AddScoped<ContentHandlerInvoker>();
        services.AddScoped<ContentSlugs>();
        services.AddScoped<ContentManager>();
        services.AddScoped<ContentLifecycle>();
        services.AddScoped<ContentQuery>();
        services.AddScoped<ContentSet>();
        services.AddScoped<ContentVisibility>();
        services.AddScoped<ContentDiff>();
        services.AddScoped<IPermissionSource, ContentTypePermissionSource>();

        services.AddContentPart<TitlePartDriver>();
        services.AddContentPart<AutoroutePartDriver>();
        services.AddContentPart<HtmlBodyPartDriver>();
        services.AddContentPart<ListPartDriver>();
        services.AddContentPart<FieldsPartDriver>();
        services.AddContentField<TextFieldDriver>();
        services.AddContentField<HtmlFieldDriver>();
        services.AddContentField<NumericFieldDriver>();
        services.AddContentField<BooleanFieldDriver>();
        services.AddContentField<DateFieldDriver>();
        services.AddContentField<ContentPickerFieldDriver>();
        services.AddContentField<LinkFieldDriver>();

        services.AddScoped<IRecipeStep, ContentDefinitionRecipeStep>();
        services.AddScoped<IRecipeStep, ContentRecipeStep>();
        services.AddScoped<IRecipeStep, SettingsRecipeStep>();
        services.AddScoped<ContentExporter>();
    }
}

/// <summary>The five permissions of each securable content type, for the role matrix.</summary>
public sealed class ContentTypePermissionSource(ContentDefinitionManager definitions) : IPermissionSource
{
    public async Task<IReadOnlyList<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default) =>
        (await definitions.ListAsync(cancellationToken)).Where(t => t.Settings.Securable)
            .SelectMany(ContentPermissions.ForType).ToList();
}
