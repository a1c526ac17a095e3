using System.Text.Json;
using System.Text.Json.Nodes;
using Smartskola.ContentManagement.Data;

namespace Smartskola.ContentManagement.Items;

/// <summary>
/// One version of a content item in memory. <see cref="Content"/> holds the parts by part name, each a JSON object
/// with the part's own properties and its fields by field name:
/// <c>{"TitlePart": {"title": "…"}, "Patientberattelse": {"Ingress": {"text": "…"}}}</c>.
/// </summary>
public sealed class ContentItem
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ContentItemId { get; set; } = string.Empty;

    public string ContentItemVersionId { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public int VersionNumber { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public Guid? Owner { get; set; }

    public string? OwnerName { get; set; }

    public Guid? Author { get; set; }

    public string? AuthorName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? Note { get; set; }

    /// <summary>Placement in a list (item level, not versioned).</summary>
    public string? ContainerId { get; set; }

    public int Order { get; set; }

    public JsonObject Content { get; set; } = [];

    public bool IsNew => VersionNumber == 0;

    /// <summary>The JSON of a part, or of a field on that part.</summary>
    public JsonNode? Element(string part, string? field = null)
    {
        var partNode = Content[part];
        return field is null ? partNode : partNode?[field];
    }

    public void SetElement(string part, string? field, JsonNode? value)
    {
        if (field is null)
        {
            // Keep the part's fields when the part's own properties are written.
            var fields = Content[part] as JsonObject;
            var next = value as JsonObject ?? [];
            if (fields is not null)
            {
                foreach (var (key, node) in fields.ToList())
                {
                    if (node is JsonObject && !next.ContainsKey(key))
                    {
                        fields.Remove(key);
                        next[key] = node;
                    }
                }
            }

            Content[part] = next;
            return;
        }

        if (Content[part] is not JsonObject partObject)
        {
            partObject = [];
            Content[part] = partObject;
        }

        partObject[field] = value;
    }

    public T Get<T>(string part, string? field = null) where T : new() =>
        Element(part, field) is { } node ? node.Deserialize<T>(Json) ?? new T() : new T();

    public void Set<T>(string part, string? field, T value) =>
        SetElement(part, field, JsonSerializer.SerializeToNode(value, Json));

    public ContentItem CloneVersion() => new()
    {
        ContentItemId = ContentItemId,
        ContentItemVersionId = ContentItemVersionId,
        ContentType = ContentType,
        VersionNumber = VersionNumber,
        Latest = Latest,
        Published = Published,
        Owner = Owner,
        OwnerName = OwnerName,
        Author = Author,
        AuthorName = AuthorName,
        CreatedUtc = CreatedUtc,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        Note = Note,
        ContainerId = ContainerId,
        Order = Order,
        Content = (JsonObject)Content.DeepClone(),
    };

    internal static ContentItem From(ContentItemVersionRecord version, ContentItemRecord? item) => new()
    {
        ContentItemId = version.ContentItemId,
        ContentItemVersionId = version.ContentItemVersionId,
        ContentType = version.ContentType,
        VersionNumber = version.VersionNumber,
        Latest = version.Latest,
        Published = version.Published,
        Owner = version.Owner,
        OwnerName = version.OwnerName,
        Author = version.Author,
        AuthorName = version.AuthorName,
        CreatedUtc = version.CreatedUtc,
        ModifiedUtc = version.ModifiedUtc,
        PublishedUtc = version.PublishedUtc,
        Note = version.Note,
        ContainerId = item?.ContainerId,
        Order = item?.Order ?? 0,
        Content = JsonNode.Parse(version.Data) as JsonObject ?? [],
    };

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
