using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Smartskola.Core.Modules;
using Smartskola.Core.Recipes;
using Smartskola.Media.Recipes;

namespace Smartskola.Media;

/// <summary>
/// The media file store, the <c>media</c> recipe step and <c>/media/{path}</c> for signed-in users (with range
/// requests for audio and video). Uploads, derivatives and usage tracking come with the media library.
/// </summary>
public sealed class MediaModule : ModuleStartup
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public override string Name => "Media";

    public override int Order => 30;

    public override void ConfigureServices(ModuleContext context)
    {
        context.Services.Configure<MediaOptions>(context.Configuration.GetSection("Media"));
        context.Services.AddSingleton<MediaFileStore>();
        context.Services.AddScoped<IRecipeStep, MediaRecipeStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/media/{**path}", (string path, MediaFileStore store, HttpContext http) =>
        {
            var file = store.Resolve(path);
            if (file is null || !File.Exists(file))
            {
                return Results.NotFound();
            }

            ContentTypes.TryGetContentType(file, out var contentType);
            // Patient material: never kept in shared caches.
            http.Response.Headers[HeaderNames.CacheControl] = "private, max-age=3600";
            return Results.File(file, contentType ?? "application/octet-stream", enableRangeProcessing: true);
        }).RequireAuthorization();
}
