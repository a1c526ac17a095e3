using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.ContentManagement.Parts;

public sealed class HtmlBodyPartData
{
    public string Html { get; set; } = string.Empty;
}

public sealed record HtmlDisplay(string Label, IHtmlContent Html);

/// <summary>The rich-text body. Sanitized with the allowlist when saved and again when rendered.</summary>
public sealed class HtmlBodyPartDriver(IHtmlSanitizer sanitizer) : ContentElementDriver<HtmlBodyPartData>
{
    public const string PartKind = "HtmlBodyPart";
    public const int MaxLength = 200_000;

    public override string Kind => PartKind;

    public override string DisplayName => "Brödtext (formaterad)";

    public override IReadOnlyList<SettingDescriptor> Settings => [new("Hint", "Hjälptext", SettingKind.Text)];

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        var html = context.Value(nameof(HtmlBodyPartData.Html)) ?? string.Empty;
        if (html.Length > MaxLength)
        {
            // Not saved (the error stops it); kept as typed so nothing is lost, and not worth sanitizing.
            context.AddError(nameof(HtmlBodyPartData.Html), $"Texten är för lång: {html.Length} tecken, högst {MaxLength} tillåts.");
            Write(context, new HtmlBodyPartData { Html = html });
            return Task.CompletedTask;
        }

        Write(context, new HtmlBodyPartData { Html = sanitizer.Sanitize(html) });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var html = sanitizer.Sanitize(Read(context).Html);
        return Task.FromResult<object?>(html.Length == 0 ? null : new HtmlDisplay(context.Label, new HtmlString(html)));
    }

    public override string ToText(ElementContext context) => HtmlText.ToText(Read(context).Html);
}
