using System.Text;
using System.Text.Json.Nodes;
using Smartskola.ContentManagement.Display;

namespace Smartskola.Forms.Definitions;

/// <summary>
/// The part holding a template's <see cref="FormDefinition"/> (stored as <c>{"definition": {…}}</c>). It has no
/// editor in the generic content editor: the form designer (<c>/admin/formular</c>) edits it. The diff text lists the
/// items, so the content history shows what changed between versions.
/// </summary>
public sealed class FormDefinitionPartDriver : ContentElementDriver
{
    public const string PartKind = "FormDefinitionPart";
    public const string Property = "definition";

    public override string Kind => PartKind;

    public override string DisplayName => "Formulärdefinition";

    public override bool HasEditor => false;

    public static FormDefinition Read(JsonNode? part)
    {
        try
        {
            return part?[Property] is JsonObject node ? FormDefinition.FromJson(node.ToJsonString()) : new FormDefinition();
        }
        catch (System.Text.Json.JsonException)
        {
            return new FormDefinition();
        }
    }

    public static JsonObject ToPart(FormDefinition definition) =>
        new() { [Property] = JsonNode.Parse(definition.ToJson()) };

    public override Task<object> BuildEditorAsync(ElementContext context) => Task.FromResult<object>(new object());

    public override Task UpdateAsync(ElementUpdateContext context) => Task.CompletedTask;

    public override Task<object?> BuildDisplayAsync(ElementContext context) => Task.FromResult<object?>(null);

    public override string ToText(ElementContext context)
    {
        var definition = Read(context.Node);
        var text = new StringBuilder();
        Append(text, definition.Items, 0);
        foreach (var scale in definition.Scoring.Scales)
        {
            text.AppendLine($"Poäng {scale.Name}: {scale.Method} av {string.Join(", ", scale.ItemIds)}");
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, IEnumerable<FormItem> items, int depth)
    {
        foreach (var item in items)
        {
            text.Append(' ', depth * 2).Append($"[{item.Id}] {item.Text}");
            if (item.Required)
            {
                text.Append(" (obligatorisk)");
            }

            text.AppendLine();
            foreach (var option in item.Options)
            {
                text.Append(' ', depth * 2 + 2).AppendLine($"{option.Code}: {option.Text}{(option.Score is { } s ? $" ({s} p)" : "")}");
            }

            Append(text, item.Items, depth + 1);
        }
    }
}
