using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartskola.Forms.Definitions;

/// <summary>
/// The structure of one form template version: its items (questions, texts, groups), scoring and diary settings.
/// Stored as JSON in the template's <c>FormDefinitionPart</c>; a published version is never changed, so a response
/// can always be read against the definition it answered.
/// </summary>
public sealed class FormDefinition
{
    /// <summary>Version of this JSON shape (not of the template).</summary>
    public int Schema { get; set; } = 1;

    /// <summary>Text shown before the first question.</summary>
    public string? Intro { get; set; }

    public List<FormItem> Items { get; set; } = [];

    public FormScoring Scoring { get; set; } = new();

    /// <summary>Set for diaries (sömndagbok, träningsdagbok): answered as dated entries rather than once.</summary>
    public DiarySettings? Diary { get; set; }

    /// <summary>
    /// A licensed instrument (e.g. "hads", "eq5d5l"): the template carries structure and placeholder wording only;
    /// a unit must enter its licensed wording as a text pack before it can dispatch it.
    /// </summary>
    public string? Instrument { get; set; }

    /// <summary>
    /// The next number for a generated item id ("f12"). Only grows, also across versions, so an id that once existed
    /// is never given to a different question.
    /// </summary>
    public int NextId { get; set; } = 1;

    /// <summary>Every item, groups and their children included, in document order.</summary>
    public IEnumerable<FormItem> AllItems() => Flatten(Items);

    public FormItem? Find(string id) => AllItems().FirstOrDefault(i => i.Id == id);

    /// <summary>A new id that has never been used in this template.</summary>
    public string NewId() => $"f{NextId++}";

    private static IEnumerable<FormItem> Flatten(IEnumerable<FormItem> items)
    {
        foreach (var item in items)
        {
            yield return item;
            foreach (var child in Flatten(item.Items))
            {
                yield return child;
            }
        }
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FormDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<FormDefinition>(json, Json) ?? new FormDefinition();

    public FormDefinition Clone() => FromJson(ToJson());
}

public enum FormItemType
{
    /// <summary>Text for the patient to read; no answer.</summary>
    Display,
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    YesNo,
    Integer,
    Decimal,

    /// <summary>NRS 0–10 or VAS 0–100 with end labels (<see cref="FormItem.MinLabel"/>, <see cref="FormItem.MaxLabel"/>).</summary>
    Slider,
    Date,
    Time,

    /// <summary>Items shown together (one screen on a phone).</summary>
    Group,

    /// <summary>Rows of the same items, e.g. a training diary's exercises.</summary>
    RepeatingGroup,
}

public enum ChoiceDisplay
{
    Radio,
    DropDown,
}

/// <summary>One item. <see cref="Id"/> is stable across versions and is the column name in exports.</summary>
public sealed class FormItem
{
    public string Id { get; set; } = string.Empty;

    public FormItemType Type { get; set; }

    public string Text { get; set; } = string.Empty;

    public string? Help { get; set; }

    public bool Required { get; set; }

    public bool ReadOnly { get; set; }

    /// <summary>Texts only.</summary>
    public int? MaxLength { get; set; }

    /// <summary>Choice items only.</summary>
    public List<FormOption> Options { get; set; } = [];

    public ChoiceDisplay Display { get; set; }

    /// <summary>Numbers and sliders.</summary>
    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>Sliders: the step (1 for NRS and VAS).</summary>
    public decimal? Step { get; set; }

    /// <summary>Numbers: e.g. "minuter", "timmar".</summary>
    public string? Unit { get; set; }

    /// <summary>Sliders: the labels at the two ends ("Ingen smärta", "Värsta tänkbara smärta").</summary>
    public string? MinLabel { get; set; }

    public string? MaxLabel { get; set; }

    /// <summary>Shown only when this holds (null: always shown).</summary>
    public FormCondition? ShowWhen { get; set; }

    /// <summary>Children of a group or a repeating group.</summary>
    public List<FormItem> Items { get; set; } = [];

    /// <summary>Repeating groups: most rows allowed.</summary>
    public int? MaxRows { get; set; }

    [JsonIgnore]
    public bool IsQuestion => Type is not (FormItemType.Display or FormItemType.Group or FormItemType.RepeatingGroup);

    [JsonIgnore]
    public bool IsChoice => Type is FormItemType.SingleChoice or FormItemType.MultipleChoice;

    [JsonIgnore]
    public bool IsContainer => Type is FormItemType.Group or FormItemType.RepeatingGroup;

    [JsonIgnore]
    public bool IsNumeric => Type is FormItemType.Integer or FormItemType.Decimal or FormItemType.Slider;
}

/// <summary>An answer option: <see cref="Code"/> is what is stored and exported, <see cref="Score"/> what scoring adds.</summary>
public sealed class FormOption
{
    public string Code { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public decimal? Score { get; set; }
}

public enum ConditionMatch
{
    All,
    Any,
}

public enum ConditionOperator
{
    Equals,
    NotEquals,
    Greater,
    Less,

    /// <summary>The other question has been answered.</summary>
    Exists,
}

public sealed class FormCondition
{
    public ConditionMatch Match { get; set; }

    public List<ConditionRule> Rules { get; set; } = [];
}

/// <summary>Compares the answer to an earlier item (by id) with <see cref="Value"/> (an option code, a number, "ja"/"nej").</summary>
public sealed class ConditionRule
{
    public string ItemId { get; set; } = string.Empty;

    public ConditionOperator Operator { get; set; }

    public string? Value { get; set; }
}

public enum ScoreMethod
{
    Sum,
    Mean,
}

/// <summary>The template's scores; computed on the server when a response is submitted.</summary>
public sealed class FormScoring
{
    public List<ScoreScale> Scales { get; set; } = [];
}

/// <summary>
/// One score (a total or a subscale): the items it adds up, which of them are reverse-scored, and the bands that
/// label a value (e.g. 0–7 "Normalt", 8–10 "Gränsfall", 11–21 "Förhöjt").
/// </summary>
public sealed class ScoreScale
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public ScoreMethod Method { get; set; }

    public List<string> ItemIds { get; set; } = [];

    /// <summary>Items (among <see cref="ItemIds"/>) scored as max + min − score.</summary>
    public List<string> ReverseItemIds { get; set; } = [];

    /// <summary>Fewest answered items for a score; null means all of them.</summary>
    public int? MinAnswered { get; set; }

    public List<ScoreBand> Bands { get; set; } = [];
}

/// <summary>A labelled range, both ends included.</summary>
public sealed class ScoreBand
{
    public decimal From { get; set; }

    public decimal To { get; set; }

    public string Label { get; set; } = string.Empty;
}

public enum DiaryFrequency
{
    /// <summary>One entry per date (a second save of the same date edits it).</summary>
    OncePerDay,
    SeveralPerDay,
}

public sealed class DiarySettings
{
    public DiaryFrequency Frequency { get; set; }

    /// <summary>Derived values shown with the entries, e.g. sleep efficiency.</summary>
    public List<DerivedValue> Derived { get; set; } = [];
}

public enum DerivedKind
{
    /// <summary>Sum of the numeric items (e.g. total minutes of training).</summary>
    Sum,

    /// <summary>Minutes between two times (e.g. in bed → up), across midnight.</summary>
    MinutesBetween,

    /// <summary>Sleep efficiency: (time in bed − minutes to fall asleep − minutes awake) / time in bed × 100.</summary>
    SleepEfficiency,
}

/// <summary>A value computed from an entry for display. <see cref="ItemIds"/> meaning depends on <see cref="Kind"/>.</summary>
public sealed class DerivedValue
{
    public string Id { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public DerivedKind Kind { get; set; }

    /// <summary>Sum: the items; MinutesBetween: [from, to]; SleepEfficiency: [bedtime, up time, minutes to sleep, minutes awake].</summary>
    public List<string> ItemIds { get; set; } = [];

    public string? Unit { get; set; }
}
