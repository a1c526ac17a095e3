using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smartskola.Core.Leases;
using Smartskola.Core.Modules;
using Smartskola.Recipes.Data;

namespace Smartskola.Recipes.Services;

public sealed class RecipeOptions
{
    /// <summary>The recipe an empty site is set up from; relative paths are resolved against the app's folder.</summary>
    public string SetupRecipe { get; set; } = Path.Combine("recipes", "smartskola.recipe.json");

    /// <summary>Create the recipes' demo accounts. Unset means: only in the Development environment.</summary>
    public bool? DemoUsers { get; set; }
}

/// <summary>Sets an empty site up from the setup recipe, once, even when several instances start together.</summary>
public sealed class SetupRecipeTask(
    RecipesDbContext db,
    ILeaseService leases,
    RecipeRunner runner,
    IOptions<RecipeOptions> options) : IStartupTask
{
    private const string LeaseName = "recipes.setup";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(5), cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        try
        {
            if (await db.Executions.AnyAsync(e => e.IsSetup, cancellationToken))
            {
                return;
            }

            var path = options.Value.SetupRecipe;
            if (!Path.IsPathRooted(path))
            {
                path = Path.Combine(AppContext.BaseDirectory, path);
            }

            await runner.RunFileAsync(path, isSetup: true, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, cancellationToken);
        }
    }
}
