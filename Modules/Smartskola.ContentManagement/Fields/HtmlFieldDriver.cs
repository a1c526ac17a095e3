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
        var html = sanitizer.Sanitize(context.Value(nameof(HtmlFieldData.Html)));
        if (html.Length > HtmlBodyPartDriver.MaxLength)
        {
            context.AddError(nameof(HtmlFieldData.Html), "Texten är för lång.");
        }
        else if (context.Flag("Required") && HtmlText.ToText(html).Length == 0)
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
