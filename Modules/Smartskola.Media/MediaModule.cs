using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Handlers;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Recipes;
using Smartskola.Core.Security;
using Smartskola.Media.Data;
using Smartskola.Media.Fields;
using Smartskola.Media.Library;
using Smartskola.Media.Publishing;
using Smartskola.Media.Recipes;
using Smartskola.Media.Serving;

namespace Smartskola.Media;

/// <summary>
/// The media library: files checked by content, cleaned images with WebP derivatives, audio and video facts from
/// ffprobe, usage tracking, publish rules (alt text, captions, transcripts), the <c>MediaField</c>, responsive images
/// in rich text, <c>/media/…</c> with access by publication, the admin pages at <c>/admin/media</c> and the
/// <c>media</c> recipe step.
/// </summary>
public sealed class MediaModule : ModuleStartup
{
    public override string Name => "Media";

    public override int Order => 30;

    public override IEnumerable<Permission> Permissions => MediaPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu => [new("Mediebibliotek", "/admin/media", MediaPermissions.Manage, 24)];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.Configure<MediaOptions>(context.Configuration.GetSection("Media"));
        services.AddModuleDbContext<MediaDbContext, MediaSqliteDbContext, MediaPostgresDbContext>(Name);
        services.AddSingleton<MediaFileStore>();
        services.AddSingleton<MediaTools>();
        services.AddSingleton<MediaInspector>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaIngest>();
        services.AddSingleton<SpeechSynthesizer>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaCatalog>();
        services.AddScoped<MediaUsages>();
        services.AddScoped<MediaRules>();

        services.AddContentField<MediaFieldDriver>();
        services.AddContentHandler<MediaPublishingHandler>();
        services.AddContentHandler<MediaUsageHandler>();
        services.AddScoped<IContentWarnings, MediaContentWarnings>();
        services.AddScoped<IHtmlDisplayFilter, ResponsiveImageFilter>();

        services.AddScoped<IRecipeStep, MediaRecipeStep>();
        services.AddScoped<IContentImportListener, MediaImportListener>();
    }

    public override void UseMiddleware(IApplicationBuilder app) => app.UseMiddleware<UploadSizeMiddleware>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => MediaEndpoints.Map(endpoints);
}
