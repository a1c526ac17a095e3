using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.Media.Data;
using Smartskola.Media.Library;
using Smartskola.Media.Serving;

namespace Smartskola.Media.Fields;

/// <summary>Stored data of a media field: <c>{"path": "bilder/x.jpg", "alt": "…"}</c> (alt overrides the asset's, images only).</summary>
public sealed class MediaFieldData
{
    public string Path { get; set; } = string.Empty;

    public string Alt { get; set; } = string.Empty;
}

/// <summary>One library asset offered in the editor's select.</summary>
public sealed record MediaOption(string Path, string Label);

public sealed class MediaEditorModel(ElementContext context, MediaFieldData data, MediaKind kind, IReadOnlyList<MediaOption> options)
    : EditorModel<MediaFieldData>(context, data)
{
    public MediaKind Kind { get; } = kind;

    public IReadOnlyList<MediaOption> Options { get; } = options;
}

/// <summary>
/// A picture, sound or film from the media library. Settings: <c>MediaKind</c> (image, audio or video), <c>Required</c>,
/// <c>Hint</c>. Displayed through <see cref="MediaFieldDisplay"/> with versioned URLs.
/// </summary>
public sealed class MediaFieldDriver : ContentElementDriver<MediaFieldData>
{
    public const string KindName = "MediaField";
    public const string KindSetting = "MediaKind";

    public override string Kind => KindName;

    public override string DisplayName => "Media";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new(KindSetting, "Sorts media", SettingKind.Text, "image, audio eller video"),
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    /// <summary>The kind a field takes, from its settings (image unless audio or video is set).</summary>
    public static MediaKind ExpectedKind(IReadOnlyDictionary<string, string> settings) =>
        (settings.GetValueOrDefault(KindSetting) ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "audio" => MediaKind.Audio,
            "video" => MediaKind.Video,
            _ => MediaKind.Image,
        };

    /// <summary>The stored data, or empty data when the node holds something else.</summary>
    public static MediaFieldData ReadData(JsonNode? node)
    {
        try
        {
            return node?.Deserialize<MediaFieldData>(ContentItem.Json) ?? new MediaFieldData();
        }
        catch (JsonException)
        {
            return new MediaFieldData();
        }
    }

    public override async Task<object> BuildEditorAsync(ElementContext context)
    {
        var kind = ExpectedKind(context.Settings);
        var options = await context.Services.GetRequiredService<MediaCatalog>().OptionsAsync(kind);
        var data = Read(context);
        if (data.Path.Length > 0 && options.All(o => o.Path != data.Path))
        {
            options = [.. options, new MediaOption(data.Path, $"{data.Path} (finns inte i biblioteket)")];
        }

        return new MediaEditorModel(context, data, kind, options);
    }

    public override async Task UpdateAsync(ElementUpdateContext context)
    {
        var kind = ExpectedKind(context.Settings);
        var path = (context.Value(nameof(MediaFieldData.Path)) ?? string.Empty).Trim();
        var alt = kind == MediaKind.Image ? (context.Value(nameof(MediaFieldData.Alt)) ?? string.Empty).Trim() : string.Empty;
        if (path.Length == 0)
        {
            if (context.Flag("Required"))
            {
                context.AddError(nameof(MediaFieldData.Path), $"Välj {context.Label.ToLowerInvariant()}.");
            }
        }
        else if (await context.Services.GetRequiredService<MediaLibrary>().FindByPathAsync(path) is not { } asset || asset.Kind != kind)
        {
            context.AddError(nameof(MediaFieldData.Path),
                $"Filen finns inte i mediebiblioteket eller är inte {MediaKindText.Name(kind).ToLowerInvariant()}. Välj igen.");
        }

        if (alt.Length > MediaLibrary.MaxAltLength)
        {
            context.AddError(nameof(MediaFieldData.Alt), $"Alternativtexten får vara högst {MediaLibrary.MaxAltLength} tecken.");
        }

        Write(context, new MediaFieldData { Path = path, Alt = alt });
    }

    public override async Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var data = Read(context);
        if (data.Path.Length == 0
            || await context.Services.GetRequiredService<MediaLibrary>().FindByPathAsync(data.Path) is not { } asset
            || asset.Kind != ExpectedKind(context.Settings))
        {
            return null;
        }

        string? captionsUrl = null;
        if (asset.CaptionsPath is { } captionsPath
            && await context.Services.GetRequiredService<MediaLibrary>().FindByPathAsync(captionsPath) is { } captions)
        {
            captionsUrl = MediaUrls.Versioned(captions);
        }

        return new MediaFieldDisplay(context.Label, asset.Kind, MediaUrls.Versioned(asset),
            asset.Kind == MediaKind.Image ? (data.Alt.Length > 0 ? data.Alt : asset.AltText) : string.Empty,
            asset.Transcript, captionsUrl, asset.DurationSeconds, asset.Width, asset.Height, MediaUrls.Srcset(asset), asset.MimeType);
    }

    public override string ToText(ElementContext context)
    {
        var data = Read(context);
        return data.Path.Length == 0 ? string.Empty : data.Alt.Length > 0 ? $"{data.Path} (alt: {data.Alt})" : data.Path;
    }
}
