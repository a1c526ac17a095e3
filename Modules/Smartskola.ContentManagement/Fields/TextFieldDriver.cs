using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Fields;

public sealed class TextFieldData
{
    public string Text { get; set; } = string.Empty;
}

public sealed record TextDisplay(string Label, string Text, bool Multiline);

/// <summary>Plain text, one line or several (line breaks kept on display, never HTML).</summary>
public sealed class TextFieldDriver : ContentElementDriver<TextFieldData>
{
    public const int DefaultMaxLength = 4000;

    public override string Kind => "TextField";

    public override string DisplayName => "Text";

    public override IReadOnlyList<SettingDescriptor> Settings =>
    [
        new("Required", "Obligatoriskt", SettingKind.Boolean),
        new("Multiline", "Flera rader", SettingKind.Boolean),
        new("MaxLength", "Högsta antal tecken", SettingKind.Number),
        new("Hint", "Hjälptext", SettingKind.Text),
    ];

    public override Task UpdateAsync(ElementUpdateContext context)
    {
        var text = (context.Value(nameof(TextFieldData.Text)) ?? string.Empty).Replace("\r\n", "\n").Trim();
        var max = int.TryParse(context.Setting("MaxLength"), out var m) && m > 0 ? m : DefaultMaxLength;
        if (context.Flag("Required") && text.Length == 0)
        {
            context.AddError(nameof(TextFieldData.Text), $"Fyll i {context.Label.ToLowerInvariant()}.");
        }
        else if (text.Length > max)
        {
            context.AddError(nameof(TextFieldData.Text), $"{context.Label} får vara högst {max} tecken (nu {text.Length}).");
        }

        Write(context, new TextFieldData { Text = text });
        return Task.CompletedTask;
    }

    public override Task<object?> BuildDisplayAsync(ElementContext context)
    {
        var text = Read(context).Text;
        return Task.FromResult<object?>(text.Length == 0 ? null : new TextDisplay(context.Label, text, context.Flag("Multiline")));
    }

    public override string ToText(ElementContext context) => Read(context).Text;
}
