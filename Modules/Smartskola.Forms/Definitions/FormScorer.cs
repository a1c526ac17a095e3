using System.Text.Json;

namespace Smartskola.Forms.Definitions;

/// <summary>One computed score. <see cref="Value"/> is null when too few of its items were answered.</summary>
public sealed record ScoreResult(string ScaleId, string Name, decimal? Value, string? Band, int Answered, int Items);

/// <summary>
/// Computes a template's scores from a response's answers, on the server. Each item contributes its chosen option's
/// score (choice items; for multiple choice the sum of the chosen) or its number (numbers and sliders); a reverse-scored
/// item contributes (max + min − score) over its possible scores. Stored with <see cref="Algorithm"/>, so a later
/// change to this code never silently re-labels old scores.
/// </summary>
public static class FormScorer
{
    /// <summary>Bump when the computation changes in a way that could change a stored score.</summary>
    public const string Algorithm = "smartskola-scoring/1";

    public static IReadOnlyList<ScoreResult> Score(FormDefinition definition, FormAnswers answers)
    {
        var results = new List<ScoreResult>();
        foreach (var scale in definition.Scoring.Scales)
        {
            var values = new List<decimal>();
            foreach (var id in scale.ItemIds)
            {
                if (definition.Find(id) is not { } item || !FormConditions.IsShown(definition, item, answers)
                    || ItemScore(item, answers) is not { } score)
                {
                    continue;
                }

                values.Add(scale.ReverseItemIds.Contains(id) && Range(item) is var (min, max) ? max + min - score : score);
            }

            var needed = scale.MinAnswered ?? scale.ItemIds.Count;
            decimal? value = values.Count == 0 || values.Count < needed ? null
                : scale.Method == ScoreMethod.Mean ? Math.Round(values.Sum() / values.Count, 2) : values.Sum();
            var band = value is { } v ? scale.Bands.FirstOrDefault(b => v >= b.From && v <= b.To)?.Label : null;
            results.Add(new ScoreResult(scale.Id, scale.Name, value, band, values.Count, scale.ItemIds.Count));
        }

        return results;
    }

    /// <summary>What one item contributes, or null when unanswered or not scoreable.</summary>
    public static decimal? ItemScore(FormItem item, FormAnswers answers)
    {
        if (item.IsChoice || item.Type == FormItemType.YesNo)
        {
            var scores = answers.Codes(item.Id)
                .Select(code => item.Options.FirstOrDefault(o => o.Code == code)?.Score).OfType<decimal>().ToList();
            return scores.Count == 0 ? null : scores.Sum();
        }

        return item.IsNumeric ? answers.Number(item.Id) : null;
    }

    /// <summary>The lowest and highest score an item can give (for reverse scoring).</summary>
    public static (decimal Min, decimal Max)? Range(FormItem item)
    {
        var scores = item.Options.Select(o => o.Score).OfType<decimal>().ToList();
        if (scores.Count > 0)
        {
            return (scores.Min(), scores.Max());
        }

        return item.Min is { } min && item.Max is { } max ? (min, max) : null;
    }

    public static string ToJson(IReadOnlyList<ScoreResult> scores) => JsonSerializer.Serialize(scores, FormDefinition.Json);

    public static IReadOnlyList<ScoreResult> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ScoreResult>>(json, FormDefinition.Json) ?? [];
}
