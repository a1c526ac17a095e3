using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Answering;

/// <summary>Answers as a submission or a correction stores them: cleaned (hidden questions dropped) and scored.</summary>
public sealed record ScoredAnswers(string Json, string? ScoresJson, string? Algorithm)
{
    public static ScoredAnswers Of(FormDefinition definition, FormAnswers answers)
    {
        var clean = AnswerValidator.Clean(definition, answers);
        var scores = FormScorer.Score(definition, clean);
        return scores.Count == 0
            ? new ScoredAnswers(clean.ToJson(), null, null)
            : new ScoredAnswers(clean.ToJson(), FormScorer.ToJson(scores), FormScorer.Algorithm);
    }
}
