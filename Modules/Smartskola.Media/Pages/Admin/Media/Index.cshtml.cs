using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Media.Data;
using Smartskola.Media.Library;

namespace Smartskola.Media.Pages.Admin.Media;

/// <summary>The library: folders, search, kind filter, usage counts and the upload form.</summary>
[RequirePermission(MediaPermissions.Manage)]
public sealed class IndexModel(MediaCatalog catalog, MediaUsages usages, MediaLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mapp")] public string? Folder { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "typ")] public MediaKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")] public int PageNumber { get; set; } = 1;

    public MediaListPage Result { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<string> Folders { get; private set; } = [];

    public Dictionary<string, int> UsageCounts { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? uploadFolder, string? altText, string? transcript)
    {
        if (file is null || file.Length == 0)
        {
            return await FailAsync("Välj en fil att ladda upp.", StatusCodes.Status400BadRequest);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var asset = await library.AddAsync(stream, file.FileName, uploadFolder,
                new MediaMetadata(altText ?? string.Empty, transcript ?? string.Empty, null), HttpContext.RequestAborted);
            StatusMessage = $"{asset.Path} är uppladdad.";
            return Redirect($"/admin/media/{asset.Id}");
        }
        catch (MediaException refused)
        {
            return await FailAsync(refused.Message, refused.StatusCode);
        }
    }

    private async Task<IActionResult> FailAsync(string message, int status)
    {
        ErrorMessage = message;
        Response.StatusCode = status;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Folder = MediaPaths.Folder(Folder) is { Length: > 0 } folder ? folder : null;
        Result = await catalog.ListAsync(new MediaListFilter(Folder, Text, Kind, PageNumber), HttpContext.RequestAborted);
        Folders = await catalog.FoldersAsync(HttpContext.RequestAborted);
        UsageCounts = await usages.CountsAsync(Result.Items.Select(a => a.Path).ToList(), HttpContext.RequestAborted);
    }

    public static string Usage(int count) => count switch
    {
        0 => "Används inte",
        _ => $"Används i {count} avsnitt/objekt",
    };

    public string Query(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["mapp"] = Folder, ["q"] = Text, ["typ"] = Kind?.ToString(), ["sida"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToUriComponent();
}
