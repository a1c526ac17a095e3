using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Recipes;
using Smartskola.Core.Security;
using Smartskola.Recipes.Services;

namespace Smartskola.Recipes.Pages.Admin;

/// <summary>Imports an uploaded recipe into the running site, all or nothing.</summary>
[RequirePermission(RecipesPermissions.Import)]
public sealed class ImportModel(RecipeRunner runner) : PageModel
{
    private const long MaxBytes = 20 * 1024 * 1024;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData] public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    [RequestSizeLimit(MaxBytes + 64 * 1024)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Fail("Välj en receptfil.");
        }

        if (file.Length > MaxBytes)
        {
            return Fail("Filen är för stor (högst 20 MB).");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        try
        {
            // Files named by a media step resolve against the site's own recipes folder.
            await runner.RunAsync(buffer.ToArray(), Path.Combine(AppContext.BaseDirectory, "recipes"), isSetup: false, cancellationToken);
        }
        catch (RecipeValidationException invalid)
        {
            return Fail([.. invalid.Errors]);
        }
        catch (RecipeStepException failed)
        {
            return Fail(failed.Message);
        }

        StatusMessage = "Receptet är importerat.";
        return RedirectToPage();
    }

    private PageResult Fail(params string[] errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
