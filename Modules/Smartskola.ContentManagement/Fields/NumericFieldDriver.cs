using System.Globalization;
using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Fields;

public sealed class NumericFieldData
{
    public decimal? Value { get; set; }
}

public sealed record NumericDisplay(string Label, string Text);

/// <summary>A number with optional limits and decimals; accepts Swedish decimal comma.</summary>
public sealed class NumericFieldDriver : ContentElementDriver<NumericFieldData>
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    public override string Kind => "NumericField";

    public override string DisplayName => "Tal";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Minimum", "Minsta värde", SettingKind.Number),
        new("Maximum", "Största värde", SettingKind.Number),
        new("Scale", "Antal decimaler", SettingKind.Number),
        new("Unit", "Enhet (visas efter talet)", SettingKind.Text),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    public static string Format(decimal? value) => value?.ToString("0.############", Swedish) ?? string.Empty;

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        const string property = nameof(NumericFieldData.Value);
        var typed = (context.Value(property) ?? string.Empty).Trim();
        var raw = typed.Replace(" ", string.Empty).Replace('.', ',');
        decimal? value = null;
        if (raw.Length == 0)
        {
            if (context.Flag("Required"))
            {
                context.AddError(property, $"Fyll i {context.Label.ToLowerInvariant()}.");
            }
        }
        else if (!decimal.TryParse(raw, NumberStyles.Number, Swedish, out var parsed))
        {
            context.AddError(property, $"{context.Label} måste vara ett tal, t.ex. 12 eller 7,5.", typed);
        }
        else
        {
            value = parsed;
            var scale = int.TryParse(context.Setting("Scale"), out var s) ? Math.Clamp(s, 0, 10) : 10;
            if (decimal.Round(parsed, scale) != parsed)
            {
                context.AddError(property, scale == 0 ? $"{context.Label} måste vara ett heltal." : $"Högst {scale} decimaler.");
            }
            else if (Limit(context, "Minimum") is { } min && parsed < min)
            {
                context.AddError(property, $"{context.Label} får inte vara mindre än {Format(min)}.");
            }
            else if (Limit(context, "Maximum") is { } max && parsed > max)
            {
                context.AddError(property, $"{context.Label} får inte vara större än {Format(max)}.");
            }
        }

        Write(context, new NumericFieldData { Value = value });
        return Task.CompletedTask;
    }

    private static decimal? Limit(ElementContext context, string key) => SettingValues.Number(context.Setting(key));

    public override Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var value = Read(context).Value;
        var unit = context.Setting("Unit");
        return Task.FromResult<object?>(value is null ? null
            : new NumericDisplay(context.Label, unit is null ? Format(value) : $"{Format(value)} {unit}"));
    }

    public override string ToText(ElementContext context) => Format(Read(context).Value);
}
