using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Security;
using Smartskola.Core.Persistence;
using Smartskola.Recipes.Data;
using Smartskola.Recipes.Services;

namespace Smartskola.Recipes;

/// <summary>The recipe runner and the set-up of an empty site. Steps are contributed by the modules that own the data.</summary>
public sealed class RecipesModule : ModuleStartup
{
    public override string Name => "Recipes";

    /// <summary>Last, so its set-up task runs after every module's own start-up tasks.</summary>
    public override int Order => 1000;

    public override IEnumerable<Permission> Permissions => RecipesPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu => [new("Import av recept", "/admin/recept", RecipesPermissions.Import, 24)];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<RecipesDbContext, RecipesSqliteDbContext, RecipesPostgresDbContext>(Name);
        services.Configure<RecipeOptions>(context.Configuration.GetSection("Recipes"));
        services.AddSingleton<RecipeRunner>();
        services.AddScoped<IStartupTask, SetupRecipeTask>();
    }
}
