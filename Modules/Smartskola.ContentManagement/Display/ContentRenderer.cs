using Microsoft.AspNetCore.Http;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Display;

/// <summary>One rendered part or field: the partial to use and its view model.</summary>
public sealed record ElementView(string View, object Model, string Kind, string Name);

/// <summary>An item ready for display: its title and the views of its parts and fields, in definition order.</summary>
public sealed record ContentItemView(ContentItem Item, ContentTypeDefinition Type, string Title, IReadOnlyList<ElementView> Elements);

/// <summary>An item ready for editing: one editor per part and field, in definition order.</summary>
public sealed record ContentEditorView(ContentItem Item, ContentTypeDefinition Type, IReadOnlyList<ElementView> Editors);

/// <summary>Builds display and editor view models from a definition, and applies a posted editor form.</summary>
public sealed class ContentRenderer(ContentDriverRegistry drivers, ContentViewResolver views, IServiceProvider services)
{
    public const string PatientTheme = "Patient";
    public const string StaffTheme = "Staff";

    public async Task<ContentItemView> DisplayAsync(ContentItem item, ContentTypeDefinition type, string theme)
    {
        var elements = new List<ElementView>();
        foreach (var (driver, context) in Elements(item, type))
        {
            if (await driver.BuildDisplayAsync(context) is { } model)
            {
                elements.Add(new ElementView(views.Display(driver.Kind, type.Name, theme), model, driver.Kind,
                    context.Field?.Name ?? context.Part.Name));
            }
        }

        return new ContentItemView(item, type, ContentTitles.Of(item, type), elements);
    }

    public async Task<ContentEditorView> EditorAsync(ContentItem item, ContentTypeDefinition type,
        EditorFeedback? feedback = null)
    {
        var editors = new List<ElementView>();
        foreach (var (driver, context) in Elements(item, type).Where(e => e.Driver.HasEditor))
        {
            var model = await driver.BuildEditorAsync(context);
            if (feedback is not null && model is IEditorModel editor)
            {
                editor.Feedback = feedback;
            }

            editors.Add(new ElementView(views.Editor(driver.Kind, type.Name), model, driver.Kind,
                context.Field?.Name ?? context.Part.Name));
        }

        return new ContentEditorView(item, type, editors);
    }

    /// <summary>Reads the form into <paramref name="item"/>; returns field errors keyed by form name.</summary>
    public async Task<EditorFeedback> UpdateAsync(ContentItem item, ContentTypeDefinition type, IFormCollection form)
    {
        var feedback = new EditorFeedback();
        foreach (var (driver, context) in Elements(item, type).Where(e => e.Driver.HasEditor))
        {
            await driver.UpdateAsync(new ElementUpdateContext(context, form, feedback));
        }

        return feedback;
    }

    /// <summary>Readable text per part and field (label → text), for the version diff.</summary>
    public async Task<IReadOnlyList<(string Label, string Text)>> ToTextAsync(ContentItem item, ContentTypeDefinition type)
    {
        var texts = new List<(string, string)>();
        foreach (var (driver, context) in Elements(item, type).Where(e => e.Driver.HasEditor))
        {
            texts.Add((context.Label, await driver.ToTextAsync(context)));
        }

        return texts;
    }

    private IEnumerable<(ContentElementDriver Driver, ElementContext Context)> Elements(ContentItem item, ContentTypeDefinition type)
    {
        foreach (var part in type.Parts)
        {
            if (drivers.Part(part.Kind) is { } partDriver)
            {
                yield return (partDriver, new ElementContext(item, type, part, null,
                    part.DisplayName ?? partDriver.DisplayName, services));
            }

            foreach (var field in part.Fields)
            {
                if (drivers.Field(field.Kind) is { } fieldDriver)
                {
                    yield return (fieldDriver, new ElementContext(item, type, part, field, field.DisplayName, services));
                }
            }
        }
    }
}
