using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.ContentManagement.Fields;

public sealed class LinkFieldData
{
    public string Url { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
}

public sealed record LinkDisplay(string Label, string Url, string Text, bool External);

/// <summary>A link: http(s), mailto or a path on this site. Anything else (javascript: …) is refused.</summary>
public sealed class LinkFieldDriver : ContentElementDriver<LinkFieldData>
{
    public override string Kind => "LinkField";

    public override string DisplayName => "Länk";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    /// <summary>
    /// The sanitizer's link rule (http, https, mailto or a single-slash site path), held stricter for a value typed on
    /// its own: no whitespace or backslash anywhere (browsers drop a tab in "/\t/evil.example" and would follow
    /// "//evil.example"), no bare fragment, and an absolute address must be a complete URI.
    /// </summary>
    public static bool IsAllowed(string url) =>
        HtmlAllowlist.LinkUrl(url) == url
        && !url.Any(c => char.IsWhiteSpace(c) || c == '\\')
        && (url.StartsWith('/') || Uri.TryCreate(url, UriKind.Absolute, out _));

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        var url = (context.Value(nameof(LinkFieldData.Url)) ?? string.Empty).Trim();
        var text = (context.Value(nameof(LinkFieldData.Text)) ?? string.Empty).Trim();
        if (url.Length == 0)
        {
            if (context.Flag("Required"))
            {
                context.AddError(nameof(LinkFieldData.Url), "Fyll i en länkadress.");
            }
        }
        else if (url.Length > 2000 || !IsAllowed(url))
        {
            context.AddError(nameof(LinkFieldData.Url), "Länken måste börja med https://, http://, mailto: eller / (en sida här).");
        }

        if (text.Length > 200)
        {
            context.AddError(nameof(LinkFieldData.Text), "Länktexten får vara högst 200 tecken.");
        }

        Write(context, new LinkFieldData { Url = url, Text = text });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var data = Read(context);
        return Task.FromResult<object?>(data.Url.Length == 0 || !IsAllowed(data.Url) ? null
            : new LinkDisplay(context.Label, data.Url, data.Text.Length > 0 ? data.Text : data.Url, !data.Url.StartsWith('/')));
    }

    public override string ToText(ElementContext context)
    {
        var data = Read(context);
        return data.Url.Length == 0 ? string.Empty : $"{data.Text} <{data.Url}>".Trim();
    }
}
