using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Parts;

/// <summary>A part with no data of its own that carries a type's fields (Orchard's "type-named part").</summary>
public sealed class FieldsPartDriver : ContentElementDriver
{
    public const string PartKind = "FieldsPart";

    public override string Kind => PartKind;

    public override string DisplayName => "Egna fält";

    public override bool AllowsCustomName => true;

    public override bool HasEditor => false;

    public override Task<object> BuildEditorAsync(ElementContext context) => Task.FromResult<object>(new object());

    public override Task UpdateAsync(ElementUpdateContext context) => Task.CompletedTask;

    public override Task<object?> BuildDisplayAsync(ElementContext context) => Task.FromResult<object?>(null);

    public override string ToText(ElementContext context) => string.Empty;
}
