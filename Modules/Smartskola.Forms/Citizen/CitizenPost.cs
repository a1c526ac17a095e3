using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Citizen;

/// <summary>
/// Reads the citizen form's posted fields (named by item id, as <c>_FormFields</c> names them) into answers. Repeating
/// groups are not offered on the public form. (The answering part's <c>FormPost</c> does the same for patients; the
/// two can be merged once both are in.)
/// </summary>
public static class CitizenPost
{
    public static FormAnswers Read(FormDefinition definition, IFormCollection form)
    {
        var values = new JsonObject();
        foreach (var item in definition.AllItems().Where(i => i.IsQuestion && !InRepeatingGroup(definition, i)))
        {
            var posted = form[item.Id].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
            if (posted.Count == 0)
            {
                continue;
            }

            values[item.Id] = item.Type == FormItemType.MultipleChoice
                ? new JsonArray(posted.Distinct().Select(v => (JsonNode)JsonValue.Create(v)).ToArray())
                : item.IsNumeric && decimal.TryParse(posted[0].Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(item.Type is FormItemType.ShortText or FormItemType.LongText ? posted[0] : posted[0].Trim());
        }

        return new FormAnswers(values);
    }

    private static bool InRepeatingGroup(FormDefinition definition, FormItem item) =>
        definition.AllItems().Any(g => g.Type == FormItemType.RepeatingGroup && g.Items.Contains(item));
}
