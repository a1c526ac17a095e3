using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Export;

public enum ExportFormat
{
    CsvSemicolon,
    CsvComma,
    Xlsx,
    Fhir,
}

/// <summary>What the user asked for. Dates are Swedish calendar days of submission, both ends included.</summary>
public sealed record ExportOptions(ExportFormat Format, int? Version, DateOnly? From, DateOnly? To, bool Pseudonymised);

/// <summary>Who a row is about: name and personnummer when identified, otherwise only the pseudonym.</summary>
public sealed record ExportSubject(string? Name, string? Personnummer, string? Pseudonym)
{
    public string Identifier => Pseudonym ?? Personnummer ?? string.Empty;
}

/// <summary>One submitted response as exported.</summary>
public sealed record ExportRow(Guid Id, int Version, DateTime SubmittedUtc, DateOnly? EntryDate, FormAnswers Answers,
    IReadOnlyList<ScoreResult> Scores, string? ScoringAlgorithm, ExportSubject Subject);

/// <summary>
/// The columns of an export: one per answerable item id (repeating groups as one column), the union over the exported
/// versions in the newest version's order, then ids only older versions had; then one per scale.
/// </summary>
public sealed class ExportColumns
{
    private ExportColumns(IReadOnlyList<string> items, IReadOnlyList<string> scales)
    {
        Items = items;
        Scales = scales;
    }

    public IReadOnlyList<string> Items { get; }

    public IReadOnlyList<string> Scales { get; }

    public static ExportColumns For(IReadOnlyList<TemplateVersion> versions)
    {
        var items = new List<string>();
        var scales = new List<string>();
        foreach (var version in versions.OrderByDescending(v => v.Version))
        {
            items.AddRange(Columns(version.Definition.Items).Where(id => !items.Contains(id)).ToList());
            scales.AddRange(version.Definition.Scoring.Scales.Select(s => s.Id).Where(id => !scales.Contains(id)).ToList());
        }

        return new ExportColumns(items, scales);
    }

    /// <summary>Questions in document order; a repeating group is one column (its rows as JSON), its children none.</summary>
    private static IEnumerable<string> Columns(IEnumerable<FormItem> items)
    {
        foreach (var item in items)
        {
            if (item.Type == FormItemType.RepeatingGroup || item.IsQuestion)
            {
                yield return item.Id;
            }
            else if (item.Type == FormItemType.Group)
            {
                foreach (var child in Columns(item.Items))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>
    /// An answer as one cell: text as is, numbers in <paramref name="numbers"/> (invariant unless given), codes joined
    /// by |, rows as compact JSON.
    /// </summary>
    public static string Cell(JsonNode? node, NumberFormatInfo? numbers = null) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            v.GetValue<decimal>().ToString(numbers ?? NumberFormatInfo.InvariantInfo),
        JsonArray a when a.All(n => n is JsonValue e && e.TryGetValue<string>(out _)) =>
            string.Join('|', a.Select(n => n!.GetValue<string>())),
        _ => node.ToJsonString(Readable),
    };

    /// <summary>Rows as JSON keep å/ä/ö readable (the file is not HTML, so no escaping for it is needed).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Number(decimal? value, NumberFormatInfo? numbers = null) =>
        value?.ToString(numbers ?? NumberFormatInfo.InvariantInfo) ?? string.Empty;
}

/// <summary>
/// Pseudonyms for one export: an HMAC of the enrolment id under a key made for this export and then forgotten, so
/// one patient has one pseudonym within the file and the pseudonyms of two exports cannot be linked.
/// </summary>
public sealed class Pseudonymiser
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string For(Guid enrolmentId) =>
        "P-" + Convert.ToHexString(HMACSHA256.HashData(_key, enrolmentId.ToByteArray()).AsSpan(0, 8)).ToLowerInvariant();
}
