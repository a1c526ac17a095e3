using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Fields;

public sealed class BooleanFieldData
{
    public bool Value { get; set; }
}

public sealed record BooleanDisplay(string Label, bool Value);

/// <summary>A yes/no checkbox (e.g. "Patientberättelse" on a section).</summary>
public sealed class BooleanFieldDriver : ContentElementDriver<BooleanFieldData>
{
    public override string Kind => "BooleanField";

    public override string DisplayName => "Ja/nej";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("ShowWhenFalse", "Visa även när nej", SettingKind.Boolean),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        // Checkbox + hidden "false": the checkbox comes first in the form when ticked.
        var values = context.Form.TryGetValue(context.Name(nameof(BooleanFieldData.Value)), out var v) ? v : default;
        Write(context, new BooleanFieldData { Value = values.Any(x => x == "true") });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var value = Read(context).Value;
        return Task.FromResult<object?>(value || context.Flag("ShowWhenFalse") ? new BooleanDisplay(context.Label, value) : null);
    }

    public override string ToText(ElementContext context) => Read(context).Value ? "Ja" : "Nej";
}
