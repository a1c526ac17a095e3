using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Smartskola.Media.Serving;

/// <summary>
/// Posts to <c>/admin/media</c> may carry files up to the largest per-kind limit (a film: 1 GB by default), far more
/// than Kestrel's and the form reader's defaults. This raises both limits for those posts only, and answers a
/// request that announces a larger body at once with a Swedish 413 page instead of reading it.
/// </summary>
public sealed class UploadSizeMiddleware(RequestDelegate next, IOptions<MediaOptions> options)
{
    /// <summary>Room for the form's other fields and multipart headers.</summary>
    private const long Slack = 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/admin/media"))
        {
            await next(http);
            return;
        }

        var largest = options.Value.Limits.Largest;
        if (http.Request.ContentLength > largest + Slack)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            http.Response.ContentType = "text/html; charset=utf-8";
            var message = HtmlEncoder.Default.Encode(
                $"Filen är för stor. Största tillåtna storlek är {MediaLimits.Format(largest)} (filmer); bilder högst "
                + $"{MediaLimits.Format(options.Value.Limits.ImageBytes)}, ljud högst {MediaLimits.Format(options.Value.Limits.AudioBytes)}.");
            await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>För stor fil</title></head>"
                + $"<body><main><h1>För stor fil</h1><p>{message}</p><p><a href=\"/admin/media\">Tillbaka till mediebiblioteket</a></p></main></body></html>");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = largest + Slack;
        }

        if (http.Request.HasFormContentType)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = largest + Slack,
            }));
        }

        await next(http);
    }
}
