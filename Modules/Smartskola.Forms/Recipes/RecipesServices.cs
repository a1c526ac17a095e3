using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Forms.Recipes;

public static class RecipesServices
{
    /// <summary>Registers the services of the forms module's recipes part.</summary>
    public static IServiceCollection AddFormRecipes(this IServiceCollection services)
    {
        return services;
    }
}
