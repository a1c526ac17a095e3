using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.ContentManagement.Parts;

/// <summary>The rich-text body. Sanitized with the allowlist when saved and again when rendered.</summary>
public sealed class HtmlBodyPartDriver(IHtmlSanitizer sanitizer) : RichTextDriver(sanitizer)
{
    public const string PartKind = "HtmlBodyPart";

    public override string Kind => PartKind;

    public override string DisplayName => "Brödtext (formaterad)";

    public override IReadOnlyList<SettingDescriptor> Settings => [new("Hint", "Hjälptext", SettingKind.Text)];
}
