using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Display;

/// <summary>A setting a part or field offers in the type editor (values are stored as strings).</summary>
public sealed record SettingDescriptor(string Key, string Label, SettingKind Kind, string? Hint = null);

/// <summary>Reading setting values the same way wherever they are used.</summary>
public static class SettingValues
{
    /// <summary>A number setting, written with a decimal comma or point; null if it is not a number.</summary>
    public static decimal? Number(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}

public enum SettingKind
{
    Text,
    Boolean,
    Number,

    /// <summary>A comma-separated list of content type names.</summary>
    ContentTypes,
}

/// <summary>
/// Editor, display, diff text and save-time preparation of one part or field kind. A module adds a new kind with
/// one line: <c>services.AddContentPart&lt;MyPartDriver&gt;()</c> (or <c>AddContentField</c>), plus its two Razor
/// partials <c>/Views/ContentEdit/{Kind}.cshtml</c> and <c>/Views/Content/{Kind}.cshtml</c>.
/// </summary>
public abstract class ContentElementDriver
{
    /// <summary>The kind's name as stored in definitions, e.g. <c>TitlePart</c> or <c>TextField</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Swedish name shown in the type editor.</summary>
    public abstract string DisplayName { get; }

    public virtual IReadOnlyList<SettingDescriptor> Settings => [];

    /// <summary>Reusable parts are named after their kind; only parts that just carry fields may be named freely.</summary>
    public virtual bool AllowsCustomName => false;

    /// <summary>Whether the element has an editor (a list part, for instance, is managed from its own panel).</summary>
    public virtual bool HasEditor => true;

    public abstract Task<object> BuildEditorAsync(ElementContext context);

    /// <summary>Reads the posted form into the item, adding field errors keyed by form name.</summary>
    public abstract Task UpdateAsync(ElementUpdateContext context);

    /// <summary>The display view model, or null when there is nothing to show.</summary>
    public abstract Task<object?> BuildDisplayAsync(ElementContext context);

    /// <summary>Readable text of the element for the version diff (not JSON).</summary>
    public abstract string ToText(ElementContext context);

    /// <summary>Override when the text needs the database (e.g. titles of picked items).</summary>
    public virtual Task<string> ToTextAsync(ElementContext context) => Task.FromResult(ToText(context));
}

/// <summary>A driver whose stored data is the JSON form of <typeparamref name="TData"/>.</summary>
public abstract class ContentElementDriver<TData> : ContentElementDriver where TData : class, new()
{
    protected static TData Read(ElementContext context)
    {
        try
        {
            return context.Node is { } node ? node.Deserialize<TData>(ContentItem.Json) ?? new TData() : new TData();
        }
        catch (JsonException)
        {
            // Stored by another kind (a field removed and re-added with another type): start empty, never crash.
            return new TData();
        }
    }

    protected static void Write(ElementContext context, TData data) =>
        context.Item.SetElement(context.Part.Name, context.Field?.Name, JsonSerializer.SerializeToNode(data, ContentItem.Json));

    public override Task<object> BuildEditorAsync(ElementContext context) =>
        Task.FromResult<object>(new EditorModel<TData>(context, Read(context)));
}

/// <summary>Where an element sits: the item, its type, the part and (for a field) the field.</summary>
public class ElementContext(ContentItem item, ContentTypeDefinition type, ContentPartDefinition part,
    ContentFieldDefinition? field, string label, IServiceProvider services)
{
    public ContentItem Item { get; } = item;

    public ContentTypeDefinition Type { get; } = type;

    public ContentPartDefinition Part { get; } = part;

    public ContentFieldDefinition? Field { get; } = field;

    public string Label { get; } = label;

    public IServiceProvider Services { get; } = services;

    public IReadOnlyDictionary<string, string> Settings => Field?.Settings ?? Part.Settings;

    /// <summary>Form name prefix: <c>c.TitlePart</c> or <c>c.Patientberattelse.Ingress</c>.</summary>
    public string Prefix => Field is null ? $"c.{Part.Name}" : $"c.{Part.Name}.{Field.Name}";

    public JsonNode? Node => Item.Element(Part.Name, Field?.Name);

    public bool Flag(string key) => Settings.TryGetValue(key, out var value) && bool.TryParse(value, out var b) && b;

    public string? Setting(string key) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Field errors and, for inputs that could not be stored as typed, the text the user typed (keyed by form name).</summary>
public sealed class EditorFeedback
{
    public Dictionary<string, string> Errors { get; } = [];

    public Dictionary<string, string> Attempted { get; } = [];
}

public sealed class ElementUpdateContext(ElementContext element, IFormCollection form, EditorFeedback feedback)
    : ElementContext(element.Item, element.Type, element.Part, element.Field, element.Label, element.Services)
{
    public IFormCollection Form { get; } = form;

    public string Name(string property) => $"{Prefix}.{property}";

    public string? Value(string property) => Form.TryGetValue(Name(property), out var v) ? v.ToString() : null;

    public void AddError(string property, string message) => feedback.Errors[Name(property)] = message;

    /// <summary>An error for input that cannot be stored (e.g. "femtio" in a number): the text is shown again as typed.</summary>
    public void AddError(string property, string message, string attempted)
    {
        AddError(property, message);
        feedback.Attempted[Name(property)] = attempted;
    }
}

public interface IEditorModel
{
    EditorFeedback Feedback { get; set; }
}

/// <summary>What an editor partial gets: names for its inputs, the label, the current data and any errors.</summary>
public class EditorModel<TData>(ElementContext context, TData data) : IEditorModel
{
    public string Prefix { get; } = context.Prefix;

    public string Label { get; } = context.Label;

    public TData Data { get; } = data;

    public IReadOnlyDictionary<string, string> Settings { get; } = context.Settings;

    public EditorFeedback Feedback { get; set; } = new();

    public string Hint => Settings.TryGetValue("Hint", out var hint) ? hint : string.Empty;

    public bool Required => Settings.TryGetValue("Required", out var value) && value == "true";

    public string Name(string property) => $"{Prefix}.{property}";

    public string Id(string property) => Name(property).Replace('.', '_');

    public string? Error(string property) => Feedback.Errors.TryGetValue(Name(property), out var message) ? message : null;

    /// <summary>What the user typed when it could not be stored, else null (show the stored value).</summary>
    public string? Attempted(string property) => Feedback.Attempted.GetValueOrDefault(Name(property));

    /// <summary>Value for <c>aria-describedby</c>: the hint and the error, when present.</summary>
    public string? DescribedBy(string property)
    {
        var ids = new List<string>();
        if (Hint.Length > 0)
        {
            ids.Add(Id(property) + "_hint");
        }

        if (Error(property) is not null)
        {
            ids.Add(Id(property) + "_error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
