using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Smartskola.Core.Health;
using Smartskola.Core.Modules;
using Smartskola.Core.Persistence;

namespace Smartskola.Core.Hosting;

public static class SmartskolaPipeline
{
    /// <summary>Migrates every module's schema, then runs the modules' start-up tasks in module order.</summary>
    public static async Task InitializeSmartskolaAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }

    /// <summary>The request pipeline. Order matters: headers first, then status pages, auth, module middleware.</summary>
    public static WebApplication UseSmartskolaPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel/500");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.MapStaticAssets().AllowAnonymous();
        // Files an operator drops into wwwroot after the build (robots.txt, verification files) are served too.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.UseMiddleware(app);
        }

        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapSmartskolaModules();
        return app;
    }
}
