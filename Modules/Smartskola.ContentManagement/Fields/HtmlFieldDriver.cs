using Microsoft.AspNetCore.Html;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Parts;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.ContentManagement.Fields;

public sealed class HtmlFieldData
{
    public string Html { get; set; } = string.Empty;
}

/// <summary>Rich text in a field (e.g. a module's "Kom ihåg"); sanitized on save and on render.</summary>
public sealed class HtmlFieldDriver(IHtmlSanitizer sanitizer) : ContentElementDriver<HtmlFieldData>
{
    public override string Kind => "HtmlField";

    public override string DisplayName => "Formaterad text";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        var typed = context.Value(nameof(HtmlFieldData.Html)) ?? string.Empty;
        if (typed.Length > HtmlBodyPartDriver.MaxLength)
        {
            // Not saved (the error stops it); kept as typed so nothing is lost, and not worth sanitizing.
            context.AddError(nameof(HtmlFieldData.Html), $"Texten är för lång: {typed.Length} tecken, högst {HtmlBodyPartDriver.MaxLength} tillåts.");
            Write(context, new HtmlFieldData { Html = typed });
            return Task.CompletedTask;
        }

        var html = sanitizer.Sanitize(typed);
        if (context.Flag("Required") && HtmlText.ToText(html).Length == 0)
        {
            context.AddError(nameof(HtmlFieldData.Html), $"Fyll i {context.Label.ToLowerInvariant()}.");
        }

        Write(context, new HtmlFieldData { Html = html });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var html = sanitizer.Sanitize(Read(context).Html);
        return Task.FromResult<object?>(html.Length == 0 ? null : new HtmlDisplay(context.Label, new HtmlString(html)));
    }

    public override string ToText(ElementContext context) => HtmlText.ToText(Read(context).Html);
}
