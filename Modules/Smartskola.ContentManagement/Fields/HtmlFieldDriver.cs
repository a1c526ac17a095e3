using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.ContentManagement.Fields;

/// <summary>Rich text in a field (e.g. a module's "Kom ihåg"); sanitized on save and on render.</summary>
public sealed class HtmlFieldDriver(IHtmlSanitizer sanitizer) : RichTextDriver(sanitizer)
{
    public override string Kind => "HtmlField";

    public override string DisplayName => "Formaterad text";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];
}
