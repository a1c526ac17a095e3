using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Media.Data;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Media;

/// <summary>Uploads and library look-ups shared by the media tests.</summary>
public static class MediaTestClient
{
    /// <summary>Posts the upload form of /admin/media (with the page's anti-forgery token); redirects are not followed.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(SiteClient client, byte[] content, string fileName, string folder,
        string alt = "", string transcript = "")
    {
        var page = await client.GetPageAsync("/admin/media");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.Token), "__RequestVerificationToken" },
            { new StringContent(folder), "uploadFolder" },
            { new StringContent(alt), "altText" },
            { new StringContent(transcript), "transcript" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync("/admin/media?handler=Upload", form);
    }

    /// <summary>Uploads and returns the new asset (asserting it worked).</summary>
    public static async Task<MediaAsset> UploadOkAsync(SiteFactory site, SiteClient client, byte[] content, string fileName,
        string folder, string alt = "", string transcript = "")
    {
        var response = await UploadAsync(client, content, fileName, folder, alt, transcript);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Upload {fileName}: {(int)response.StatusCode} {(await client.ToPageAsync(response)).Text("[data-testid=media-error]")}");
        var id = response.Headers.Location!.OriginalString.Split('/').Last();
        return (await AssetAsync(site, a => a.Id == id))!;
    }

    public static Task<MediaAsset?> AssetAsync(SiteFactory site, System.Linq.Expressions.Expression<Func<MediaAsset, bool>> where) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().Assets.AsNoTracking().FirstOrDefaultAsync(where));

    public static Task<int> AssetCountAsync(SiteFactory site) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().Assets.CountAsync());

    /// <summary>Posts a form on an asset page by its test id, with extra fields.</summary>
    public static async Task<HttpResponseMessage> AssetFormAsync(SiteClient client, string id, string handler,
        Dictionary<string, string> fields) =>
        await client.SubmitAsync($"/admin/media/{id}", fields, $"main form[data-testid={handler}-form]");

    /// <summary>Posts the replace form with a file.</summary>
    public static async Task<HttpResponseMessage> ReplaceAsync(SiteClient client, string id, byte[] content, string fileName)
    {
        var page = await client.GetPageAsync($"/admin/media/{id}");
        using var form = new MultipartFormDataContent { { new StringContent(page.Token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.Http.PostAsync($"/admin/media/{id}?handler=Replace", form);
    }

    /// <summary>All metadata vipsheader reports for a file.</summary>
    public static async Task<string> VipsHeaderAsync(string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("vipsheader") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-a");
        start.ArgumentList.Add(file);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
