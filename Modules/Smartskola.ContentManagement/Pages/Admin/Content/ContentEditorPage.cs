using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>
/// What the create and edit pages share: building the editor from the type definition, reading the posted form,
/// saving as draft or publishing, and turning a conflict into a message that keeps everything the editor typed.
/// </summary>
public abstract class ContentEditorPage(ContentManager manager, ContentRenderer renderer, ContentDiff diff) : PageModel
{
    protected ContentManager Manager => manager;

    public ContentEditorView Editor { get; protected set; } = null!;

    public ContentTypeDefinition Type { get; protected set; } = null!;

    /// <summary>The latest version the editor started from (0 for a new item); posted back for conflict detection.</summary>
    public int BaseVersion { get; protected set; }

    public string? ErrorMessage { get; protected set; }

    /// <summary>The list a new item goes into (posted back by the create form).</summary>
    public string? ContainerId { get; protected set; }

    /// <summary>Set when someone else saved in between: what changed in their version.</summary>
    public ConflictView? Conflict { get; protected set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>What <see cref="IContentWarnings"/> providers find in the item shown (missing alt text, captions, …).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    protected async Task BuildEditorAsync(ContentItem item, EditorFeedback? feedback = null)
    {
        Editor = await renderer.EditorAsync(item, Type, feedback);
        var warnings = new List<string>();
        foreach (var provider in HttpContext.RequestServices.GetServices<IContentWarnings>())
        {
            warnings.AddRange(await provider.GetWarningsAsync(item, Type, HttpContext.RequestAborted));
        }

        Warnings = warnings;
    }

    /// <summary>Reads the form into <paramref name="item"/> and saves it; re-renders the form on any problem.</summary>
    protected async Task<IActionResult> SaveAsync(ContentItem item, int baseVersion, SaveMode mode, bool preview)
    {
        BaseVersion = baseVersion;
        var feedback = await renderer.UpdateAsync(item, Type, Request.Form);
        // A type without drafts publishes on every save, so saving it needs the publish right too.
        if ((mode == SaveMode.Publish || !Type.Settings.Draftable) && !ContentAuthorizer.Can(User, ContentAction.Publish, Type, item))
        {
            return Forbid();
        }

        if (feedback.Errors.Count > 0)
        {
            ErrorMessage = "Innehållet sparades inte. Rätta det som är markerat nedan.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await BuildEditorAsync(item, feedback);
            return Page();
        }

        try
        {
            await manager.SaveAsync(item, baseVersion, mode);
        }
        catch (ContentConflictException)
        {
            return await ConflictAsync(item, baseVersion);
        }
        catch (ContentValidationException invalid)
        {
            ErrorMessage = "Innehållet sparades inte. Rätta det som är markerat nedan.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            foreach (var (field, message) in invalid.Errors)
            {
                feedback.Errors[field] = message;
            }

            await BuildEditorAsync(item, feedback);
            return Page();
        }
        catch (ContentOperationException refused)
        {
            ErrorMessage = refused.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            await BuildEditorAsync(item);
            return Page();
        }

        var published = mode == SaveMode.Publish || !Type.Settings.Draftable;
        StatusMessage = item.VersionNumber == baseVersion
            ? published ? $"Inga ändringar i texten; version {item.VersionNumber} är publicerad." : $"Inga ändringar att spara; version {item.VersionNumber} är oförändrad."
            : published ? $"Version {item.VersionNumber} är sparad och publicerad." : $"Utkastet är sparat som version {item.VersionNumber}.";
        return preview
            ? Redirect($"/admin/innehall/{item.ContentItemId}/forhandsgranska?version={item.VersionNumber}")
            : Redirect($"/admin/innehall/{item.ContentItemId}");
    }

    private async Task<IActionResult> ConflictAsync(ContentItem mine, int baseVersion)
    {
        var current = await manager.GetLatestAsync(mine.ContentItemId);
        Response.StatusCode = StatusCodes.Status409Conflict;
        if (current is null)
        {
            // A new item lost a race (e.g. for its address): nothing was saved, so offer the form again as typed.
            ErrorMessage = "Någon annan sparade samtidigt, så inget sparades. Din text finns kvar nedan; försök igen.";
            await BuildEditorAsync(mine);
            return Page();
        }

        var original = await manager.GetVersionAsync(mine.ContentItemId, baseVersion) ?? current;
        Conflict = new ConflictView(current.VersionNumber, current.AuthorName ?? "okänd", current.ModifiedUtc,
            await diff.CompareAsync(original, current, Type));
        // The next save deliberately goes on top of the version the editor has now seen.
        BaseVersion = current.VersionNumber;
        await BuildEditorAsync(mine);
        return Page();
    }
}

public sealed record ConflictView(int Version, string Author, DateTime SavedUtc, IReadOnlyList<DiffSection> Changes);
