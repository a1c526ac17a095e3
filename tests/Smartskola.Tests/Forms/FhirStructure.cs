using System.Text.Json;

namespace Smartskola.Tests.Forms;

/// <summary>
/// A structural check of FHIR R4 JSON for the parts our exports use (Bundle, Questionnaire, QuestionnaireResponse):
/// required elements, unique linkIds, allowed item types, enableWhen (target exists, operator allowed, exactly one
/// answer[x] of the target's type, enableBehavior iff more than one), answerOption only on choice items, response
/// answers' value[x] fitting the item type, and response linkIds existing (at the same place) in the Questionnaire.
/// Not a full validator: it checks the R4 rules our items can break.
/// </summary>
public static class FhirStructure
{
    private static readonly HashSet<string> ItemTypes =
    [
        "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url",
        "choice", "open-choice", "attachment", "reference", "quantity",
    ];

    private static readonly HashSet<string> Operators = ["exists", "=", "!=", ">", "<", ">=", "<="];

    private static readonly Dictionary<string, string> ValueOf = new()
    {
        ["boolean"] = "Boolean", ["decimal"] = "Decimal", ["integer"] = "Integer", ["date"] = "Date", ["dateTime"] = "DateTime",
        ["time"] = "Time", ["string"] = "String", ["text"] = "String", ["url"] = "Uri", ["choice"] = "Coding",
        ["open-choice"] = "Coding", ["attachment"] = "Attachment", ["reference"] = "Reference", ["quantity"] = "Quantity",
    };

    public static IReadOnlyList<string> Check(string json)
    {
        var errors = new List<string>();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (Str(root, "resourceType") != "Bundle")
        {
            errors.Add("root: resourceType must be Bundle");
            return errors;
        }

        if (Str(root, "type") is null)
        {
            errors.Add("Bundle: type is required");
        }

        var questionnaires = new Dictionary<string, Dictionary<string, Item>>();
        var responses = new List<JsonElement>();
        foreach (var entry in Array(root, "entry"))
        {
            if (!entry.TryGetProperty("resource", out var resource) || Str(resource, "resourceType") is not { } type)
            {
                errors.Add("Bundle.entry: resource with resourceType is required");
                continue;
            }

            if (type == "Questionnaire")
            {
                var items = CheckQuestionnaire(resource, errors);
                questionnaires[$"{Str(resource, "url")}|{Str(resource, "version")}"] = items;
            }
            else if (type == "QuestionnaireResponse")
            {
                responses.Add(resource);
            }
        }

        foreach (var response in responses)
        {
            var id = Str(response, "id") ?? "?";
            if (Str(response, "status") is not ("in-progress" or "completed" or "amended" or "entered-in-error" or "stopped"))
            {
                errors.Add($"QuestionnaireResponse {id}: status missing or not allowed");
            }

            if (Str(response, "questionnaire") is not { } canonical || !questionnaires.TryGetValue(canonical, out var items))
            {
                errors.Add($"QuestionnaireResponse {id}: questionnaire does not name a Questionnaire (url|version) in the bundle");
                continue;
            }

            CheckResponseItems(id, Array(response, "item"), items, null, errors);
        }

        return errors;
    }

    private sealed record Item(string LinkId, string Type, string? Parent, bool Repeats);

    private static Dictionary<string, Item> CheckQuestionnaire(JsonElement questionnaire, List<string> errors)
    {
        var name = Str(questionnaire, "id") ?? Str(questionnaire, "url") ?? "?";
        if (Str(questionnaire, "status") is not ("draft" or "active" or "retired" or "unknown"))
        {
            errors.Add($"Questionnaire {name}: status missing or not allowed");
        }

        var items = new Dictionary<string, Item>();
        var conditions = new List<(string LinkId, JsonElement Rule)>();
        void Walk(IEnumerable<JsonElement> level, string? parent)
        {
            foreach (var item in level)
            {
                var linkId = Str(item, "linkId");
                var type = Str(item, "type");
                if (linkId is null || type is null)
                {
                    errors.Add($"Questionnaire {name}: item without linkId or type");
                    continue;
                }

                if (!items.TryAdd(linkId, new Item(linkId, type, parent, Bool(item, "repeats"))))
                {
                    errors.Add($"Questionnaire {name}: linkId {linkId} is not unique");
                }

                if (!ItemTypes.Contains(type))
                {
                    errors.Add($"Questionnaire {name}: item {linkId} has type {type}, not an R4 item type");
                }

                var children = Array(item, "item").ToList();
                if (type == "group" && children.Count == 0)
                {
                    errors.Add($"Questionnaire {name}: group {linkId} has no items (que-1)");
                }

                if (type == "display" && (children.Count > 0 || item.TryGetProperty("required", out _) || item.TryGetProperty("repeats", out _)))
                {
                    errors.Add($"Questionnaire {name}: display {linkId} has items, required or repeats (que-1, que-6)");
                }

                if (item.TryGetProperty("answerOption", out _) && type is not ("choice" or "open-choice"))
                {
                    errors.Add($"Questionnaire {name}: answerOption on non-choice item {linkId} (que-5)");
                }

                if (item.TryGetProperty("maxLength", out _) && type is not ("boolean" or "decimal" or "integer" or "string" or "text" or "url" or "open-choice"))
                {
                    errors.Add($"Questionnaire {name}: maxLength on {type} item {linkId} (que-10)");
                }

                var enableWhen = Array(item, "enableWhen").ToList();
                conditions.AddRange(enableWhen.Select(rule => (linkId, rule)));
                if ((enableWhen.Count > 1) != item.TryGetProperty("enableBehavior", out var behavior)
                    || (enableWhen.Count > 1 && behavior.GetString() is not ("all" or "any")))
                {
                    errors.Add($"Questionnaire {name}: item {linkId} needs enableBehavior exactly when it has more than one enableWhen (que-12)");
                }

                Walk(children, linkId);
            }
        }

        Walk(Array(questionnaire, "item"), null);
        foreach (var (linkId, rule) in conditions)
        {
            var question = Str(rule, "question");
            var op = Str(rule, "operator");
            var answers = rule.EnumerateObject().Where(p => p.Name.StartsWith("answer", StringComparison.Ordinal)).ToList();
            if (question is null || !items.TryGetValue(question, out var target))
            {
                errors.Add($"Questionnaire {name}: enableWhen of {linkId} names unknown question {question}");
                continue;
            }

            if (op is null || !Operators.Contains(op))
            {
                errors.Add($"Questionnaire {name}: enableWhen of {linkId} has operator {op}");
            }

            if (answers.Count != 1)
            {
                errors.Add($"Questionnaire {name}: enableWhen of {linkId} must have exactly one answer[x], has {answers.Count}");
                continue;
            }

            var expected = op == "exists" ? "answerBoolean" : "answer" + ValueOf.GetValueOrDefault(target.Type, "?");
            if (answers[0].Name != expected)
            {
                errors.Add($"Questionnaire {name}: enableWhen of {linkId} on {target.Type} item {question} has {answers[0].Name}, expected {expected}");
            }
        }

        return items;
    }

    private static void CheckResponseItems(string id, IEnumerable<JsonElement> level, Dictionary<string, Item> items, string? parent,
        List<string> errors)
    {
        var seen = new HashSet<string>();
        foreach (var item in level)
        {
            var linkId = Str(item, "linkId");
            if (linkId is null || !items.TryGetValue(linkId, out var definition))
            {
                errors.Add($"QuestionnaireResponse {id}: linkId {linkId} is not in its Questionnaire");
                continue;
            }

            if (definition.Parent != parent)
            {
                errors.Add($"QuestionnaireResponse {id}: item {linkId} is not under {definition.Parent ?? "the root"} as in the Questionnaire");
            }

            if (!seen.Add(linkId) && !definition.Repeats && definition.Type == "group")
            {
                errors.Add($"QuestionnaireResponse {id}: non-repeating group {linkId} appears twice");
            }

            var answers = Array(item, "answer").ToList();
            if (definition.Type is "group" or "display" && answers.Count > 0)
            {
                errors.Add($"QuestionnaireResponse {id}: {definition.Type} {linkId} has answers");
            }

            if (answers.Count > 1 && !definition.Repeats)
            {
                errors.Add($"QuestionnaireResponse {id}: {linkId} does not repeat but has {answers.Count} answers");
            }

            foreach (var answer in answers)
            {
                var values = answer.EnumerateObject().Where(p => p.Name.StartsWith("value", StringComparison.Ordinal)).ToList();
                var expected = "value" + ValueOf.GetValueOrDefault(definition.Type, "?");
                if (values.Count != 1 || values[0].Name != expected)
                {
                    errors.Add($"QuestionnaireResponse {id}: answer to {definition.Type} item {linkId} must be one {expected}");
                }
            }

            CheckResponseItems(id, Array(item, "item"), items, linkId, errors);
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray() : [];
}
