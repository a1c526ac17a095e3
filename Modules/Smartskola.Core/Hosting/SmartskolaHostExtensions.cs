using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;

namespace Smartskola.Core.Hosting;

public static class SmartskolaHostExtensions
{
    /// <summary>Composes the site from the given modules: each module's services, then the shared web stack.</summary>
    public static WebApplicationBuilder AddSmartskola(this WebApplicationBuilder builder, IEnumerable<ModuleStartup> modules)
    {
        var catalog = new ModuleCatalog(modules);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<IReadOnlyList<AdminMenuItem>>(catalog.AdminMenu);
        var context = new ModuleContext(builder.Services, builder.Configuration, builder.Environment);
        foreach (var module in catalog.Modules)
        {
            module.ConfigureServices(context);
        }

        builder.Services.AddHttpContextAccessor();
        // Write å, ä, ö as characters, not entities; HTML-significant characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages().AddMvcOptions(SwedishModelBindingMessages.Apply);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ss.af";
            options.Cookie.SecurePolicy = (builder.Configuration.GetSection("Security").Get<Site.SecurityOptions>()
                ?? new Site.SecurityOptions()).CookiePolicy(builder.Environment);
        });
        builder.Services.AddAuthorization(options =>
        {
            // Secure by default: every endpoint needs a signed-in user unless it opts out with [AllowAnonymous].
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>Maps every module's minimal-API endpoints.</summary>
    public static WebApplication MapSmartskolaModules(this WebApplication app)
    {
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app);
        }

        return app;
    }
}
