using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Smartskola.ContentManagement.Definitions;

/// <summary>
/// A content type as data: a technical name, a Swedish display name, settings and an ordered list of parts.
/// Stored as one JSON document per type; created by recipes and edited by administrators.
/// </summary>
public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public ContentTypeSettings Settings { get; set; } = new();

    public List<ContentPartDefinition> Parts { get; set; } = [];

    public ContentPartDefinition? Part(string name) => Parts.FirstOrDefault(p => p.Name == name);

    /// <summary>The first part of the given kind (e.g. the type's TitlePart), if any.</summary>
    public ContentPartDefinition? PartOfKind(string kind) => Parts.FirstOrDefault(p => p.Kind == kind);

    public bool Has(string kind) => PartOfKind(kind) is not null;

    /// <summary>The owning module's page for an item of this type, when the generic editor is not used for it.</summary>
    public string? OwnEditorUrl(string contentItemId) =>
        string.IsNullOrWhiteSpace(Settings.EditorUrl) ? null : Settings.EditorUrl.Replace("{id}", contentItemId, StringComparison.Ordinal);
}

public sealed class ContentTypeSettings
{
    /// <summary>Editors may create items of this type from the admin ("Nytt innehåll").</summary>
    public bool Creatable { get; set; } = true;

    /// <summary>Items are shown in the admin content list.</summary>
    public bool Listable { get; set; } = true;

    /// <summary>Items can be saved as drafts; otherwise every save publishes.</summary>
    public bool Draftable { get; set; } = true;

    /// <summary>Every save keeps the previous version; otherwise the latest version is overwritten.</summary>
    public bool Versionable { get; set; } = true;

    /// <summary>Access is governed by this type's own permissions (view, edit, edit own, publish, delete).</summary>
    public bool Securable { get; set; }

    /// <summary>A free-form category, e.g. "Curriculum" or "Form".</summary>
    public string? Stereotype { get; set; }

    /// <summary>
    /// Items are edited only on their module's own page (e.g. <c>/admin/formular/{id}</c>), which applies rules the
    /// generic editor knows nothing of (a form template's owner unit, sharing, its definition). The generic admin
    /// pages send such items there and refuse to change, preview or show their history themselves.
    /// </summary>
    public string? EditorUrl { get; set; }
}

/// <summary>One part on a type. <see cref="Kind"/> names a registered part driver; fields hang off any part.</summary>
public sealed class ContentPartDefinition
{
    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public Dictionary<string, string> Settings { get; set; } = [];

    public List<ContentFieldDefinition> Fields { get; set; } = [];

    public ContentFieldDefinition? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

public sealed class ContentFieldDefinition
{
    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public Dictionary<string, string> Settings { get; set; } = [];
}

public static partial class ContentNames
{
    /// <summary>Technical names (types, parts, fields) are ASCII identifiers: they appear in JSON, form names and file names.</summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= 64 } && Identifier().IsMatch(name);

    public const string Rule = "Tekniska namn börjar med en bokstav och innehåller bara a–z, A–Z och 0–9 (högst 64 tecken).";

    /// <summary>Suggests a technical name from a Swedish display name: "Patientberättelse" → "Patientberattelse".</summary>
    public static string Suggest(string displayName)
    {
        var ascii = Slugs.Transliterate(displayName);
        var words = Regex.Split(ascii, "[^A-Za-z0-9]+").Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var name = string.Concat(words);
        if (name.Length == 0 || !char.IsLetter(name[0]))
        {
            name = "Typ" + name;
        }

        return name.Length > 64 ? name[..64] : name;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}

/// <summary>Serialization shape of a definition (also used by recipes).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContentTypeDefinition))]
public sealed partial class DefinitionJsonContext : JsonSerializerContext;
