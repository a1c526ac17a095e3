using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.ContentTypes;

/// <summary>
/// Edits one type: settings, parts (add, remove, reorder, settings) and fields (the same). Every change is one post
/// carrying the revision the page was built from, so two administrators cannot overwrite each other unnoticed.
/// </summary>
[RequirePermission(ContentPermissions.ManageTypes)]
public sealed class EditModel(ContentDefinitionManager definitions, ContentDriverRegistry drivers) : PageModel
{
    public ContentTypeDefinition Type { get; private set; } = null!;

    public int Revision { get; private set; }

    public ContentDriverRegistry Drivers => drivers;

    [TempData(Key = "TypeMessage")] public string? StatusMessage { get; set; }

    [TempData(Key = "TypeError")] public string? ErrorMessage { get; set; }

    /// <summary>A refusal shown with the page re-rendered, so the add forms keep what was typed.</summary>
    public string? InlineError { get; private set; }

    /// <summary>A value from a refused post by <paramref name="handler"/>, for re-filling that add form.</summary>
    public string Posted(string handler, string key) =>
        Request.HasFormContentType && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase)
            ? Request.Form[key].ToString()
            : string.Empty;

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) ? Page() : NotFound();

    public Task<IActionResult> OnPostSettingsAsync(string name, int revision, string? displayName, bool creatable,
        bool listable, bool draftable, bool versionable, bool securable, string? stereotype) =>
        ChangeAsync(name, revision, type =>
        {
            if (string.IsNullOrWhiteSpace(displayName))
            {
                return "Skriv ett namn på typen.";
            }

            type.DisplayName = displayName.Trim();
            type.Settings = new ContentTypeSettings
            {
                Creatable = creatable, Listable = listable, Draftable = draftable, Versionable = versionable,
                Securable = securable, Stereotype = string.IsNullOrWhiteSpace(stereotype) ? null : stereotype.Trim(),
                // Set by the module that owns the type (in its recipe), not by this form.
                EditorUrl = type.Settings.EditorUrl,
            };
            return null;
        }, "Inställningarna är sparade.");

    public Task<IActionResult> OnPostAddPartAsync(string name, int revision, string? kind, string? partName) =>
        ChangeAsync(name, revision, type =>
        {
            if (kind is null || drivers.Part(kind) is not { } driver)
            {
                return "Välj vilken sorts del som ska läggas till.";
            }

            var newName = driver.AllowsCustomName ? (string.IsNullOrWhiteSpace(partName) ? type.Name : partName.Trim()) : kind;
            if (type.Part(newName) is not null)
            {
                return $"Typen har redan en del som heter {newName}.";
            }

            type.Parts.Add(new ContentPartDefinition { Name = newName, Kind = kind });
            return null;
        }, "Delen är tillagd.");

    public Task<IActionResult> OnPostRemovePartAsync(string name, int revision, string part) =>
        ChangeAsync(name, revision, type => type.Parts.RemoveAll(p => p.Name == part) == 0 ? "Delen finns inte längre." : null,
            "Delen är borttagen. Sparat innehåll i den ligger kvar i versionerna men visas inte.");

    public Task<IActionResult> OnPostMovePartAsync(string name, int revision, string part, int direction) =>
        ChangeAsync(name, revision, type => Move(type.Parts, type.Parts.FindIndex(p => p.Name == part), direction), "Ordningen är ändrad.");

    public Task<IActionResult> OnPostPartSettingsAsync(string name, int revision, string part, string? partDisplayName) =>
        ChangeAsync(name, revision, type =>
        {
            if (type.Part(part) is not { } definition || drivers.Part(definition.Kind) is not { } driver)
            {
                return "Delen finns inte längre.";
            }

            definition.DisplayName = string.IsNullOrWhiteSpace(partDisplayName) ? null : partDisplayName.Trim();
            (definition.Settings, var problem) = ReadSettings(driver);
            return problem;
        }, "Delens inställningar är sparade.");

    public Task<IActionResult> OnPostAddFieldAsync(string name, int revision, string? part, string? fieldDisplayName,
        string? fieldName, string? kind) =>
        ChangeAsync(name, revision, type =>
        {
            if (kind is null || drivers.Field(kind) is null)
            {
                return "Välj en fälttyp.";
            }

            if (string.IsNullOrWhiteSpace(fieldDisplayName))
            {
                return "Skriv ett namn på fältet.";
            }

            var target = part is null ? null : type.Part(part);
            if (target is null)
            {
                // Fields need a part to live on; like Orchard, the type gets its own part named after it.
                target = type.Part(type.Name) ?? new ContentPartDefinition { Name = type.Name, Kind = FieldsPartDriver.PartKind };
                if (!type.Parts.Contains(target))
                {
                    type.Parts.Add(target);
                }
            }

            var technical = string.IsNullOrWhiteSpace(fieldName) ? ContentNames.Suggest(fieldDisplayName) : fieldName.Trim();
            if (target.Field(technical) is not null)
            {
                return $"Delen har redan ett fält som heter {technical}.";
            }

            target.Fields.Add(new ContentFieldDefinition { Name = technical, Kind = kind, DisplayName = fieldDisplayName.Trim() });
            return null;
        }, "Fältet är tillagt.");

    public Task<IActionResult> OnPostRemoveFieldAsync(string name, int revision, string part, string field) =>
        ChangeAsync(name, revision, type => type.Part(part)?.Fields.RemoveAll(f => f.Name == field) is > 0 ? null : "Fältet finns inte längre.",
            "Fältet är borttaget. Sparat innehåll i det ligger kvar i versionerna men visas inte.");

    public Task<IActionResult> OnPostMoveFieldAsync(string name, int revision, string part, string field, int direction) =>
        ChangeAsync(name, revision, type => type.Part(part) is { } p
            ? Move(p.Fields, p.Fields.FindIndex(f => f.Name == field), direction)
            : "Delen finns inte längre.", "Ordningen är ändrad.");

    public Task<IActionResult> OnPostFieldSettingsAsync(string name, int revision, string part, string field, string? fieldDisplayName) =>
        ChangeAsync(name, revision, type =>
        {
            if (type.Part(part)?.Field(field) is not { } definition || drivers.Field(definition.Kind) is not { } driver)
            {
                return "Fältet finns inte längre.";
            }

            if (string.IsNullOrWhiteSpace(fieldDisplayName))
            {
                return "Fältet måste ha ett namn.";
            }

            definition.DisplayName = fieldDisplayName.Trim();
            (definition.Settings, var problem) = ReadSettings(driver);
            return problem;
        }, "Fältets inställningar är sparade.");

    public async Task<IActionResult> OnPostDeleteAsync(string name)
    {
        try
        {
            await definitions.DeleteAsync(name);
            TempData["TypeMessage"] = null;
            return Redirect("/admin/innehallstyper");
        }
        catch (ContentOperationException refused)
        {
            ErrorMessage = refused.Message;
            return Redirect($"/admin/innehallstyper/{name}");
        }
    }

    /// <summary>
    /// Settings inputs are named <c>s.{Key}</c>; unchecked boxes and empty texts are left out. Numbers must be
    /// numbers (decimal comma or point) and a minimum may not exceed the maximum.
    /// </summary>
    private (Dictionary<string, string> Settings, string? Problem) ReadSettings(ContentElementDriver driver)
    {
        var settings = new Dictionary<string, string>();
        foreach (var descriptor in driver.Settings)
        {
            var value = Request.Form[$"s.{descriptor.Key}"].ToString().Trim();
            if (descriptor.Kind == SettingKind.Boolean)
            {
                value = value.Contains("true", StringComparison.Ordinal) ? "true" : string.Empty;
            }
            else if (descriptor.Kind == SettingKind.Number && value.Length > 0)
            {
                if (SettingValues.Number(value) is not { } number)
                {
                    return (settings, $"{descriptor.Label} måste vara ett tal (nu \"{value}\"). Inget sparades.");
                }

                value = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (value.Length > 0)
            {
                settings[descriptor.Key] = value;
            }
        }

        if (settings.TryGetValue("Minimum", out var min) && settings.TryGetValue("Maximum", out var max)
            && SettingValues.Number(min) > SettingValues.Number(max))
        {
            return (settings, "Minsta värdet får inte vara större än det största. Inget sparades.");
        }

        return (settings, null);
    }

    private static string? Move<T>(List<T> list, int index, int direction)
    {
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= list.Count)
        {
            return null;
        }

        (list[index], list[target]) = (list[target], list[index]);
        return null;
    }

    private async Task<IActionResult> ChangeAsync(string name, int revision, Func<ContentTypeDefinition, string?> change, string done)
    {
        if (await definitions.GetStoredAsync(name) is not { } stored)
        {
            return NotFound();
        }

        if (stored.Revision != revision)
        {
            return await RefuseAsync(name, StatusCodes.Status409Conflict,
                "Typen har ändrats av någon annan sedan du öppnade sidan. Inget sparades; se typen som den är nu och gör ändringen igen.");
        }

        var type = stored.Definition;
        if (change(type) is { } problem)
        {
            return await RefuseAsync(name, StatusCodes.Status400BadRequest, problem);
        }

        try
        {
            await definitions.SaveAsync(type, revision);
            StatusMessage = done;
        }
        catch (ContentOperationException refused)
        {
            ErrorMessage = refused.Message;
        }

        return Redirect($"/admin/innehallstyper/{name}");
    }

    private async Task<IActionResult> RefuseAsync(string name, int status, string message)
    {
        // Fresh from the database: the refused change may have been applied to this request's copy.
        definitions.Forget();
        await LoadAsync(name);
        InlineError = message;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string name)
    {
        if (await definitions.GetStoredAsync(name) is not { } stored)
        {
            return false;
        }

        (Type, Revision) = (stored.Definition, stored.Revision);
        return true;
    }
}
