using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Fields;

public sealed class ContentPickerFieldData
{
    public List<string> ContentItemIds { get; set; } = [];
}

public sealed record PickerDisplay(string Label, IReadOnlyList<ContentLink> Items);

public sealed class PickerEditorModel(ElementContext context, ContentPickerFieldData data,
    IReadOnlyList<ContentLink> options, bool multiple) : EditorModel<ContentPickerFieldData>(context, data)
{
    public IReadOnlyList<ContentLink> Options { get; } = options;

    public bool Multiple { get; } = multiple;
}

/// <summary>
/// Picks other content items of the allowed types (e.g. a section picks its mindfulness exercise). Only ids are
/// stored; titles and links are looked up when shown, so renaming the target needs no change here.
/// </summary>
public sealed class ContentPickerFieldDriver : ContentElementDriver<ContentPickerFieldData>
{
    public const string TypesSetting = "ContentTypes";

    public override string Kind => "ContentPickerField";

    public override string DisplayName => "Innehållsväljare";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new(TypesSetting, "Typer att välja bland", SettingKind.ContentTypes, "Tekniska namn, kommaseparerade"),
        new("Multiple", "Flera val", SettingKind.Boolean),
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    private static IReadOnlyList<string> Types(ElementContext context) =>
        context.Setting(TypesSetting)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public override async Task<object> BuildEditorAsync(ElementContext context)
    {
        var query = context.Services.GetRequiredService<ContentQuery>();
        var data = Read(context);
        var options = (await query.PickerOptionsAsync(Types(context), exceptId: context.Item.ContentItemId)).ToList();
        // The list is capped; what is already chosen must always be offered, or an ordinary save would drop it.
        options.AddRange((await query.PickableAsync(data.ContentItemIds, Types(context)))
            .Where(chosen => options.All(o => o.ContentItemId != chosen.ContentItemId)));
        return new PickerEditorModel(context, data, options, context.Flag("Multiple"));
    }

    public override async Task UpdateAsync(ElementUpdateContext context)
    {
        const string property = nameof(ContentPickerFieldData.ContentItemIds);
        var chosen = context.Form.TryGetValue(context.Name(property), out var values)
            ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList()
            : [];
        var allowed = (await context.Services.GetRequiredService<ContentQuery>().PickableAsync(chosen, Types(context)))
            .Select(o => o.ContentItemId).Where(id => id != context.Item.ContentItemId).ToHashSet();
        if (chosen.Any(id => !allowed.Contains(id)))
        {
            context.AddError(property, "Ett av de valda objekten finns inte längre eller är av fel typ. Välj igen.");
            chosen = chosen.Where(allowed.Contains).ToList();
        }
        else if (!context.Flag("Multiple") && chosen.Count > 1)
        {
            context.AddError(property, "Välj bara ett.");
        }
        else if (context.Flag("Required") && chosen.Count == 0)
        {
            context.AddError(property, $"Välj {context.Label.ToLowerInvariant()}.");
        }

        Write(context, new ContentPickerFieldData { ContentItemIds = chosen });
    }

    public override async Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var ids = Read(context).ContentItemIds;
        if (ids.Count == 0)
        {
            return null;
        }

        var links = await context.Services.GetRequiredService<ContentVisibility>()
            .VisibleAsync(await context.Services.GetRequiredService<ContentQuery>().PublishedLinksAsync(ids));
        return links.Count == 0 ? null : new PickerDisplay(context.Label, links);
    }

    public override string ToText(ElementContext context) => string.Join('\n', Read(context).ContentItemIds);

    public override async Task<string> ToTextAsync(ElementContext context)
    {
        var ids = Read(context).ContentItemIds;
        if (ids.Count == 0)
        {
            return string.Empty;
        }

        var titles = await context.Services.GetRequiredService<ContentQuery>().TitlesAsync(ids);
        return string.Join('\n', ids.Select(id => titles.GetValueOrDefault(id, $"(borttaget objekt {id})")));
    }
}
