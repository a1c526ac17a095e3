using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Recipes;
using Smartskola.Messaging.Recipes;

namespace Smartskola.Messaging.ReplyTemplates;

public static class ReplyTemplatesServices
{
    /// <summary>Registers reply templates and their recipe step (<c>replyTemplates</c>).</summary>
    public static IServiceCollection AddReplyTemplates(this IServiceCollection services)
    {
        services.AddScoped<ReplyTemplateService>();
        services.AddScoped<IRecipeStep, ReplyTemplatesRecipeStep>();
        return services;
    }
}
