using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Parts;

public sealed class TitlePartData
{
    public string Title { get; set; } = string.Empty;
}

public sealed record TitleDisplay(string Title);

/// <summary>The item's title: shown as the page heading, used in lists, pickers and the generated slug.</summary>
public sealed class TitlePartDriver : ContentElementDriver<TitlePartData>
{
    public const string PartKind = "TitlePart";
    public const int MaxLength = 200;

    public override string Kind => PartKind;

    public override string DisplayName => "Titel";

    public override IReadOnlyList<SettingDescriptor> Settings =>
        [new("Hint", "Hjälptext", SettingKind.Text)];

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        var title = (context.Value(nameof(TitlePartData.Title)) ?? string.Empty).Trim();
        if (title.Length == 0)
        {
            context.AddError(nameof(TitlePartData.Title), "Skriv en titel.");
        }
        else if (title.Length > MaxLength)
        {
            context.AddError(nameof(TitlePartData.Title), $"Titeln får vara högst {MaxLength} tecken.");
        }

        Write(context, new TitlePartData { Title = title });
        return Task.CompletedTask;
    }

    // The page layout shows the title as its heading; the part itself renders nothing extra.
    public override Task<object?> BuildDisplayAsync(ElementContext context) => Task.FromResult<object?>(null);

    public override string ToText(ElementContext context) => Read(context).Title;
}
