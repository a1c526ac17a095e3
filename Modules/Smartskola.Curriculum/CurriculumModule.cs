using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Handlers;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Data;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum;

/// <summary>
/// The patient's program: home, module, section and exercise pages at <c>/program</c>, the same pages as an
/// editor's preview at <c>/admin/forhandsgranska/program</c>, and reading progress. The content types are declared
/// in the default recipe; <see cref="CurriculumTypes"/> names what the pages read.
/// </summary>
public sealed class CurriculumModule : ModuleStartup
{
    private static readonly string[] ReadingPages =
    [
        "/Program/Index|", "/Program/Module|/modul/{number:int}", "/Program/Section|/modul/{number:int}/{slug}",
        "/Program/Exercises|/ovningar", "/Program/Exercise|/ovningar/{slug}", "/Program/Search|/sok",
    ];

    public override string Name => "Curriculum";

    public override int Order => 40;

    public override IEnumerable<Permission> Permissions => CurriculumPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Förhandsgranska programmet", "/admin/program/forhandsgranska", CurriculumPermissions.Preview, 25),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<CurriculumDbContext, CurriculumSqliteDbContext, CurriculumPostgresDbContext>(Name);
        services.AddMemoryCache();
        services.AddScoped<CurriculumLoader>();
        services.AddContentHandler<CurriculumCacheHandler>();
        services.AddScoped<IContentImportListener, CurriculumImportListener>();
        services.AddScoped<ReadingProgress>();
        services.AddScoped<Smartskola.Core.Patients.IPatientDataPurger, ReadingProgressPurger>();
        services.AddScoped<ReadingActivityNotifier>();
        services.AddScoped<ReadingScopeFactory>();
        services.TryAddScoped<IModuleAccess, AllModulesOpen>();
        services.TryAddScoped<Tasks.IPatientTasks, Tasks.TitlesOnlyTasks>();
        services.AddScoped<IContentRouteOwner, CurriculumRoutes>();
        services.AddScoped<IContentVisibility, CurriculumVisibility>();
        services.AddHttpContextAccessor();
        // The preview shows the very same pages under the staff's address space.
        // PostConfigure: MVC's own setup replaces the convention collection, so earlier conventions would be lost.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            foreach (var page in ReadingPages)
            {
                var (name, suffix) = (page.Split('|')[0], page.Split('|')[1]);
                options.Conventions.AddPageRoute(name, ReadingScopeFactory.PreviewBase.TrimStart('/') + suffix);
            }
        });
    }
}
