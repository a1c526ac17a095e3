using Microsoft.EntityFrameworkCore;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.FollowUp;

/// <summary>One assignment on the clinician's forms page of an enrolment (with when its shown response was corrected).</summary>
public sealed record EnrolmentAssignmentRow(FormAssignment Assignment, string Title, Guid? ResponseId, DateTime? SubmittedUtc,
    DateTime? CorrectedUtc);

/// <summary>One submitted response with its scores.</summary>
public sealed record ScoredResponse(Guid ResponseId, DateTime SubmittedUtc, IReadOnlyList<ScoreResult> Scores);

/// <summary>A template's scores over time for one enrolment: one series per scale, with the scale's bands.</summary>
public sealed record ScaleSeries(ScoreScale Scale, IReadOnlyList<(DateTime SubmittedUtc, decimal Value, string? Band)> Points);

public sealed record TemplateScores(string TemplateId, string Title, IReadOnlyList<ScaleSeries> Scales);

/// <summary>One response opened by the clinician.</summary>
public sealed record ResponseView(FormResponse Response, TemplateVersion Version, IReadOnlyList<ScoreResult> Scores,
    IReadOnlyList<ResponseFeedback> Feedback);

/// <summary>What the clinician sees of one enrolment's forms. The caller has passed the enrolment access guard.</summary>
public sealed class EnrolmentForms(FormsDbContext db, FormTemplateStore store, TimeProvider clock)
{
    public const int FeedbackMaxLength = 4000;

    public async Task<IReadOnlyList<EnrolmentAssignmentRow>> AssignmentsAsync(Guid enrolmentId, CancellationToken cancellationToken = default)
    {
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId)
            .OrderByDescending(a => a.AvailableOn).ToListAsync(cancellationToken);
        var responses = (await db.Responses.AsNoTracking().Where(r => r.EnrolmentId == enrolmentId && r.Status == ResponseStatus.Submitted)
                .Select(r => new { r.Id, r.AssignmentId, r.Status, r.SubmittedUtc, r.SavedUtc }).ToListAsync(cancellationToken))
            .GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SubmittedUtc).First());
        var titles = await TitlesAsync(assignments.Select(a => a.TemplateId), cancellationToken);
        return assignments.Select(a =>
        {
            var r = responses.GetValueOrDefault(a.Id);
            return new EnrolmentAssignmentRow(a, titles.GetValueOrDefault((a.TemplateId, a.TemplateVersion), "–"), r?.Id, r?.SubmittedUtc,
                r is null ? null : FormResponse.Corrected(r.Status, r.SavedUtc, r.SubmittedUtc));
        }).ToList();
    }

    /// <summary>Per template with scores: each scale's values over time (oldest first), against the newest definition's bands.</summary>
    public async Task<IReadOnlyList<TemplateScores>> ScoresAsync(Guid enrolmentId, CancellationToken cancellationToken = default)
    {
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.EnrolmentId == enrolmentId && r.Status == ResponseStatus.Submitted && r.ScoresJson != null)
            .Select(r => new { r.TemplateId, r.TemplateVersion, r.SubmittedUtc, r.ScoresJson }).ToListAsync(cancellationToken);
        var result = new List<TemplateScores>();
        foreach (var group in responses.GroupBy(r => r.TemplateId))
        {
            var newest = group.Max(r => r.TemplateVersion);
            if (await store.GetVersionAsync(group.Key, newest, cancellationToken) is not { } version)
            {
                continue;
            }

            var ordered = group.OrderBy(r => r.SubmittedUtc).Select(r => (When: r.SubmittedUtc ?? DateTime.MinValue, Scores: FormScorer.FromJson(r.ScoresJson))).ToList();
            var scales = version.Definition.Scoring.Scales
                .Select(scale => new ScaleSeries(scale, ordered
                    .Select(r => (r.When, Score: r.Scores.FirstOrDefault(s => s.ScaleId == scale.Id)))
                    .Where(p => p.Score?.Value is not null)
                    .Select(p => (p.When, p.Score!.Value!.Value, p.Score.Band)).ToList()))
                .Where(s => s.Points.Count > 0).ToList();
            if (scales.Count > 0)
            {
                result.Add(new TemplateScores(group.Key, version.Title, scales));
            }
        }

        return result;
    }

    public async Task<ResponseView?> ResponseAsync(Guid enrolmentId, Guid responseId, CancellationToken cancellationToken = default)
    {
        var response = await db.Responses.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == responseId && r.EnrolmentId == enrolmentId && r.Status == ResponseStatus.Submitted, cancellationToken);
        if (response is null || await store.GetVersionAsync(response.TemplateId, response.TemplateVersion, cancellationToken) is not { } version)
        {
            return null;
        }

        var feedback = await db.Feedback.AsNoTracking().Where(f => f.ResponseId == responseId).OrderBy(f => f.CreatedUtc).ToListAsync(cancellationToken);
        return new ResponseView(response, version, FormScorer.FromJson(response.ScoresJson), feedback);
    }

    /// <summary>Saves a clinician's feedback on a submitted response; returns a Swedish error or null.</summary>
    public async Task<string?> AddFeedbackAsync(Guid responseId, Guid authorId, string authorName, string? text,
        CancellationToken cancellationToken = default)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "Skriv en återkoppling.";
        }

        if (text.Length > FeedbackMaxLength)
        {
            return $"Återkopplingen får vara högst {FeedbackMaxLength} tecken.";
        }

        db.Feedback.Add(new ResponseFeedback
        {
            Id = Guid.NewGuid(), ResponseId = responseId, AuthorId = authorId, AuthorName = authorName.Length > 200 ? authorName[..200] : authorName,
            Text = text, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Dictionary<(string, int), string>> TitlesAsync(IEnumerable<string> templateIds, CancellationToken cancellationToken)
    {
        var ids = templateIds.Distinct().ToList();
        return (await db.Versions.AsNoTracking().Where(v => ids.Contains(v.TemplateId))
                .Select(v => new { v.TemplateId, v.Version, v.Title }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.TemplateId, r.Version), r => r.Title);
    }
}
