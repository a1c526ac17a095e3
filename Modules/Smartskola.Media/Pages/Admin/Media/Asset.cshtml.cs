using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Media.Data;
using Smartskola.Media.Fields;
using Smartskola.Media.Library;

namespace Smartskola.Media.Pages.Admin.Media;

/// <summary>One asset: its facts, where it is used, alt text/transcript/captions, replacing the file, deleting it.</summary>
[RequirePermission(MediaPermissions.Manage)]
public sealed class AssetModel(MediaLibrary library, MediaUsages usages, MediaCatalog catalog) : PageModel
{
    public MediaAsset Asset { get; private set; } = null!;

    public IReadOnlyList<MediaUser> Users { get; private set; } = [];

    public IReadOnlyList<MediaOption> CaptionOptions { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostUpdateAsync(string id, string? altText, string? transcript, string? captionsPath) =>
        RunAsync(id, async () =>
        {
            await library.UpdateAsync(id, new MediaMetadata(altText ?? string.Empty, transcript ?? string.Empty, captionsPath),
                HttpContext.RequestAborted);
            return "Uppgifterna är sparade.";
        });

    public Task<IActionResult> OnPostReplaceAsync(string id, IFormFile? file) =>
        RunAsync(id, async () =>
        {
            if (file is null || file.Length == 0)
            {
                throw new MediaException("Välj en fil att ersätta med.");
            }

            await using var stream = file.OpenReadStream();
            var asset = await library.ReplaceAsync(id, stream, file.FileName, HttpContext.RequestAborted);
            return $"Filen är ersatt (version {asset.Revision}). Adressen och alla hänvisningar är desamma.";
        });

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        try
        {
            var asset = await library.FindAsync(id, HttpContext.RequestAborted);
            await library.DeleteAsync(id, HttpContext.RequestAborted);
            StatusMessage = $"{asset?.Path} är borttagen.";
            return Redirect("/admin/media");
        }
        catch (MediaException refused)
        {
            return await FailAsync(id, refused);
        }
    }

    private async Task<IActionResult> RunAsync(string id, Func<Task<string>> action)
    {
        try
        {
            StatusMessage = await action();
            return Redirect($"/admin/media/{id}");
        }
        catch (MediaException refused)
        {
            return await FailAsync(id, refused);
        }
    }

    private async Task<IActionResult> FailAsync(string id, MediaException refused)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ErrorMessage = refused.Message;
        Response.StatusCode = refused.StatusCode;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await library.FindAsync(id, HttpContext.RequestAborted) is not { } asset)
        {
            return false;
        }

        Asset = asset;
        Users = await usages.UsersAsync(asset.Path, HttpContext.RequestAborted);
        CaptionOptions = asset.Kind == MediaKind.Video ? await catalog.OptionsAsync(MediaKind.Captions, HttpContext.RequestAborted) : [];
        return true;
    }
}
