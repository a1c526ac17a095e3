using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Recipes;
using Smartskola.Media.Library;

namespace Smartskola.Media.Recipes;

/// <summary>
/// Wraps the content module's <c>content</c> recipe step so media usages are rebuilt after it: items imported with
/// their full version history are written without content events, so the usage handler never sees them.
/// </summary>
public sealed class UsageTrackingContentStep(IRecipeStep inner, MediaUsages usages) : IRecipeStep
{
    public string Name => inner.Name;

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        inner.ValidateAsync(step, context, cancellationToken);

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        await inner.ExecuteAsync(step, context, cancellationToken);
        await usages.RebuildAsync(cancellationToken);
    }

    /// <summary>Replaces the registration of the <c>content</c> step (registered by the content module, which starts first).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registration = services.LastOrDefault(d => d.ServiceType == typeof(IRecipeStep)
            && d.ImplementationType?.FullName == "Smartskola.ContentManagement.Recipes.ContentRecipeStep");
        if (registration?.ImplementationType is not { } innerType)
        {
            return;
        }

        services.Remove(registration);
        services.AddScoped(innerType);
        services.AddScoped<IRecipeStep>(sp => new UsageTrackingContentStep(
            (IRecipeStep)sp.GetRequiredService(innerType), sp.GetRequiredService<MediaUsages>()));
    }
}
