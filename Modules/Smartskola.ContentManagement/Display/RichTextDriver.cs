using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.ContentManagement.Display;

/// <summary>Stored rich text: <c>{"html": "…"}</c>, sanitized.</summary>
public sealed class RichTextData
{
    public string Html { get; set; } = string.Empty;
}

public sealed record HtmlDisplay(string Label, IHtmlContent Html);

/// <summary>
/// Rich text as a part or a field: length limit, the allowlist sanitizer on save and again on render, the optional
/// "Required" setting (text, not just markup), readable text for the diff. Kinds differ only in name and settings.
/// </summary>
public abstract class RichTextDriver(IHtmlSanitizer sanitizer) : ContentElementDriver<RichTextData>
{
    public const int MaxLength = 200_000;

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        const string property = nameof(RichTextData.Html);
        var typed = context.Value(property) ?? string.Empty;
        if (typed.Length > MaxLength)
        {
            // Not saved (the error stops it); kept as typed so nothing is lost, and not worth sanitizing.
            context.AddError(property, $"Texten är för lång: {typed.Length} tecken, högst {MaxLength} tillåts.");
            Write(context, new RichTextData { Html = typed });
            return Task.CompletedTask;
        }

        var html = sanitizer.Sanitize(typed);
        if (context.Flag("Required") && HtmlText.ToText(html).Length == 0)
        {
            context.AddError(property, $"Fyll i {context.Label.ToLowerInvariant()}.");
        }

        Write(context, new RichTextData { Html = html });
        return Task.CompletedTask;
    }

    public override async Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var html = sanitizer.Sanitize(Read(context).Html);
        if (html.Length == 0)
        {
            return null;
        }

        foreach (var filter in context.Services.GetServices<IHtmlDisplayFilter>())
        {
            html = await filter.FilterAsync(html);
        }

        return new HtmlDisplay(context.Label, new HtmlString(html));
    }

    public override string ToText(ElementContext context) => HtmlText.ToText(Read(context).Html);
}
