using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Export;

/// <summary>
/// FHIR R4 JSON, written with <see cref="Utf8JsonWriter"/> straight to the response: a collection <c>Bundle</c> with
/// one <c>Questionnaire</c> per exported version, then one <c>QuestionnaireResponse</c> per response.
/// </summary>
public static class FhirExportWriter
{
    public const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    public const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
    public const string PersonnummerSystem = "urn:oid:1.2.752.129.2.1.3.1";

    public static string QuestionnaireUrl(string siteUrl, string templateId) => $"{siteUrl}/fhir/Questionnaire/{templateId}";

    public static async Task<int> WriteAsync(Stream body, string siteUrl, IReadOnlyList<TemplateVersion> versions, bool retired,
        IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        var url = QuestionnaireUrl(siteUrl, versions[0].TemplateId);
        json.WriteStartObject();
        json.WriteString("resourceType", "Bundle");
        json.WriteString("type", "collection");
        json.WriteString("timestamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteStartArray("entry");
        foreach (var version in versions)
        {
            json.WriteStartObject();
            json.WriteStartObject("resource");
            Questionnaire(json, url, version, retired);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        var byVersion = versions.ToDictionary(v => v.Version, v => v.Definition);
        var system = $"{siteUrl}/fhir/pseudonym";
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("fullUrl", $"urn:uuid:{row.Id}");
            json.WriteStartObject("resource");
            json.WriteString("resourceType", "QuestionnaireResponse");
            json.WriteString("id", row.Id.ToString());
            json.WriteString("questionnaire", $"{url}|{row.Version}");
            json.WriteString("status", "completed");
            json.WriteString("authored", row.SubmittedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteStartObject("subject");
            json.WriteStartObject("identifier");
            json.WriteString("system", row.Subject.Pseudonym is null ? PersonnummerSystem : system);
            json.WriteString("value", row.Subject.Identifier);
            json.WriteEndObject();
            if (row.Subject.Name is { Length: > 0 } name)
            {
                json.WriteString("display", name);
            }

            json.WriteEndObject();
            if (byVersion.TryGetValue(row.Version, out var definition))
            {
                json.WriteStartArray("item");
                ResponseItems(json, definition.Items, row.Answers);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            count++;
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    private static void Questionnaire(Utf8JsonWriter json, string url, TemplateVersion version, bool retired)
    {
        json.WriteString("resourceType", "Questionnaire");
        json.WriteString("id", $"{version.TemplateId}-{version.Version}");
        json.WriteString("url", url);
        json.WriteString("version", version.Version.ToString(CultureInfo.InvariantCulture));
        json.WriteString("title", version.Title);
        json.WriteString("status", retired ? "retired" : "active");
        json.WriteString("date", version.PublishedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteStartArray("item");
        foreach (var item in version.Definition.Items)
        {
            QuestionnaireItem(json, version.Definition, item);
        }

        json.WriteEndArray();
    }

    public static string FhirType(FormItem item) => item.Type switch
    {
        FormItemType.Display => "display",
        FormItemType.ShortText => "string",
        FormItemType.LongText => "text",
        FormItemType.SingleChoice or FormItemType.MultipleChoice => "choice",
        FormItemType.YesNo => "boolean",
        FormItemType.Integer => "integer",
        FormItemType.Decimal => "decimal",
        FormItemType.Slider => IsWholeSlider(item) ? "integer" : "decimal",
        FormItemType.Date => "date",
        FormItemType.Time => "time",
        _ => "group",
    };

    private static bool IsWholeSlider(FormItem item) =>
        new[] { item.Min, item.Max, item.Step ?? 1 }.All(d => d is null || d == decimal.Truncate(d.Value));

    private static void QuestionnaireItem(Utf8JsonWriter json, FormDefinition definition, FormItem item)
    {
        var type = FhirType(item);
        json.WriteStartObject();
        json.WriteString("linkId", item.Id);
        if (item.Type == FormItemType.Slider && (item.Min is not null || item.Max is not null))
        {
            json.WriteStartArray("extension");
            Bound(json, MinValue, type, item.Min);
            Bound(json, MaxValue, type, item.Max);
            json.WriteEndArray();
        }

        json.WriteString("text", item.Text);
        json.WriteString("type", type);
        if (item.ShowWhen is { Rules.Count: > 0 } condition)
        {
            json.WriteStartArray("enableWhen");
            foreach (var rule in condition.Rules)
            {
                EnableWhen(json, definition.Find(rule.ItemId), rule);
            }

            json.WriteEndArray();
            if (condition.Rules.Count > 1)
            {
                json.WriteString("enableBehavior", condition.Match == ConditionMatch.Any ? "any" : "all");
            }
        }

        if (item.Required && item.Type != FormItemType.Display)
        {
            json.WriteBoolean("required", true);
        }

        if (item.Type is FormItemType.MultipleChoice or FormItemType.RepeatingGroup)
        {
            json.WriteBoolean("repeats", true);
        }

        if (item.ReadOnly && item.IsQuestion)
        {
            json.WriteBoolean("readOnly", true);
        }

        if (item.MaxLength is { } max && item.Type is FormItemType.ShortText or FormItemType.LongText)
        {
            json.WriteNumber("maxLength", max);
        }

        if (item.IsChoice)
        {
            json.WriteStartArray("answerOption");
            foreach (var option in item.Options)
            {
                json.WriteStartObject();
                if (option.Score is { } score)
                {
                    json.WriteStartArray("extension");
                    json.WriteStartObject();
                    json.WriteString("url", OrdinalValue);
                    json.WriteNumber("valueDecimal", score);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartObject("valueCoding");
                json.WriteString("code", option.Code);
                json.WriteString("display", option.Text);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (item.IsContainer && item.Items.Count > 0)
        {
            json.WriteStartArray("item");
            foreach (var child in item.Items)
            {
                QuestionnaireItem(json, definition, child);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void Bound(Utf8JsonWriter json, string url, string type, decimal? value)
    {
        if (value is not { } v)
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString("url", url);
        if (type == "integer")
        {
            json.WriteNumber("valueInteger", (long)v);
        }
        else
        {
            json.WriteNumber("valueDecimal", v);
        }

        json.WriteEndObject();
    }

    private static void EnableWhen(Utf8JsonWriter json, FormItem? target, ConditionRule rule)
    {
        json.WriteStartObject();
        json.WriteString("question", rule.ItemId);
        json.WriteString("operator", rule.Operator switch
        {
            ConditionOperator.NotEquals => "!=",
            ConditionOperator.Greater => ">",
            ConditionOperator.Less => "<",
            ConditionOperator.Exists => "exists",
            _ => "=",
        });
        if (rule.Operator == ConditionOperator.Exists || target is null)
        {
            json.WriteBoolean("answerBoolean", true);
        }
        else
        {
            WriteValue(json, "answer", target, JsonValue.Create(rule.Value));
        }

        json.WriteEndObject();
    }

    /// <summary>Writes one value as <c>{prefix}Coding</c>, <c>{prefix}Integer</c>... by the item's FHIR type.</summary>
    private static void WriteValue(Utf8JsonWriter json, string prefix, FormItem item, JsonNode? value)
    {
        var text = ExportColumns.Cell(value);
        switch (FhirType(item))
        {
            case "choice":
                json.WriteStartObject(prefix + "Coding");
                json.WriteString("code", text);
                if (item.Options.FirstOrDefault(o => o.Code == text) is { } option)
                {
                    json.WriteString("display", option.Text);
                }

                json.WriteEndObject();
                break;
            case "boolean":
                json.WriteBoolean(prefix + "Boolean", text == FormAnswers.Yes);
                break;
            case "integer":
                json.WriteNumber(prefix + "Integer", (long)decimal.Truncate(FormAnswers.NumberOf(value) ?? 0));
                break;
            case "decimal":
                json.WriteNumber(prefix + "Decimal", FormAnswers.NumberOf(value) ?? 0);
                break;
            case "date":
                json.WriteString(prefix + "Date", text);
                break;
            case "time":
                json.WriteString(prefix + "Time", text.Length == 5 ? text + ":00" : text);
                break;
            default:
                json.WriteString(prefix + "String", text);
                break;
        }
    }

    /// <summary>Answered items nested as in the Questionnaire; a repeating group gives one item per row.</summary>
    private static void ResponseItems(Utf8JsonWriter json, IEnumerable<FormItem> items, FormAnswers answers)
    {
        foreach (var item in items)
        {
            if (item.Type == FormItemType.Group)
            {
                if (item.Items.Any(c => HasAnswer(c, answers)))
                {
                    json.WriteStartObject();
                    json.WriteString("linkId", item.Id);
                    json.WriteStartArray("item");
                    ResponseItems(json, item.Items, answers);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }
            else if (item.Type == FormItemType.RepeatingGroup)
            {
                foreach (var row in answers.Rows(item.Id).Where(r => item.Items.Any(c => HasAnswer(c, r))))
                {
                    json.WriteStartObject();
                    json.WriteString("linkId", item.Id);
                    json.WriteStartArray("item");
                    ResponseItems(json, item.Items, row);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }
            else if (item.IsQuestion && answers.Has(item.Id))
            {
                json.WriteStartObject();
                json.WriteString("linkId", item.Id);
                json.WriteStartArray("answer");
                var values = item.Type == FormItemType.MultipleChoice && answers[item.Id] is JsonArray array
                    ? array.ToList()
                    : [answers[item.Id]];
                foreach (var value in values)
                {
                    json.WriteStartObject();
                    WriteValue(json, "value", item, value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
        }
    }

    private static bool HasAnswer(FormItem item, FormAnswers answers) => item.Type switch
    {
        FormItemType.Group => item.Items.Any(c => HasAnswer(c, answers)),
        FormItemType.RepeatingGroup => answers.Rows(item.Id).Count > 0,
        _ => item.IsQuestion && answers.Has(item.Id),
    };
}
