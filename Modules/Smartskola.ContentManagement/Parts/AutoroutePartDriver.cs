using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Parts;

public sealed class AutoroutePartData
{
    public string Slug { get; set; } = string.Empty;
}

/// <summary>
/// The item's address segment, unique among its siblings. Left empty, it is made from the title when saved
/// (Swedish letters transliterated: "Sömn och smärta" → "somn-och-smarta").
/// </summary>
public sealed class AutoroutePartDriver : ContentElementDriver<AutoroutePartData>
{
    public const string PartKind = "AutoroutePart";

    public override string Kind => PartKind;

    public override string DisplayName => "Adress (slug)";

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        var raw = (context.Value(nameof(AutoroutePartData.Slug)) ?? string.Empty).Trim();
        if (raw.Length > 0 && !Slugs.IsValid(raw))
        {
            context.AddError(nameof(AutoroutePartData.Slug),
                $"Adressen får bara innehålla a–z, 0–9 och bindestreck, t.ex. \"{Slugs.From(raw)}\".");
        }

        Write(context, new AutoroutePartData { Slug = raw });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context) => Task.FromResult<object?>(null);

    public override string ToText(ElementContext context) => Read(context).Slug;
}
