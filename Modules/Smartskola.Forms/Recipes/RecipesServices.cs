using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Recipes;

namespace Smartskola.Forms.Recipes;

public static class RecipesServices
{
    /// <summary>Registers the services of the forms module's recipes part.</summary>
    public static IServiceCollection AddFormRecipes(this IServiceCollection services)
    {
        services.AddScoped<IRecipeStep, FormTemplatesRecipeStep>();
        return services;
    }
}
