using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Parts;

public sealed record ListDisplay(string Label, IReadOnlyList<ContentLink> Children);

/// <summary>
/// Makes an item a container of ordered children (program → modules → sections). Children are placed in the list
/// when created from it; their order is changed from the container's edit page and is not versioned.
/// </summary>
public sealed class ListPartDriver : ContentElementDriver
{
    public const string PartKind = "ListPart";
    public const string ContainedTypesSetting = "ContainedTypes";

    public override string Kind => PartKind;

    public override string DisplayName => "Lista (ordnade underobjekt)";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new(ContainedTypesSetting, "Typer som kan ligga i listan", SettingKind.ContentTypes,
            "Tekniska namn, kommaseparerade, t.ex. Programmodul"),
    ];

    public override bool HasEditor => false;

    public static IReadOnlyList<string> ContainedTypes(IReadOnlyDictionary<string, string> settings) =>
        settings.TryGetValue(ContainedTypesSetting, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    public override Task<object> BuildEditorAsync(ElementContext context) => Task.FromResult<object>(new object());

    public override Task UpdateAsync(ElementUpdateContext context) => Task.CompletedTask;

    public override async Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var query = context.Services.GetRequiredService<ContentQuery>();
        var children = await context.Services.GetRequiredService<ContentVisibility>()
            .VisibleAsync(await query.PublishedChildLinksAsync(context.Item.ContentItemId));
        return children.Count == 0 ? null : new ListDisplay(context.Label, children);
    }

    public override string ToText(ElementContext context) => string.Empty;
}
