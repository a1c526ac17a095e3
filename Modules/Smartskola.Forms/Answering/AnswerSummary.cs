using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Curriculum.Reading;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Answering;

/// <summary>One submitted form in the summary, with its questions and answers in order.</summary>
public sealed record SummaryForm(string Title, DateTime SubmittedUtc, FormFieldsView View, IReadOnlyList<(string Question, string Answer)> Lines);

/// <summary>A module's forms in the summary ("Övriga formulär" for forms sent outside the modules: Number null).</summary>
public sealed record SummaryModule(int? Number, string Title, IReadOnlyList<SummaryForm> Forms);

/// <summary>
/// Module 8's summary ("Mina svar"): every reflection the patient has submitted, grouped by module in module order.
/// Diaries and licensed instruments (scored questionnaires such as HADS) are left out: they are measurements, not
/// the patient's own reflections.
/// </summary>
public sealed class AnswerSummary(FormsDbContext db, PatientForms forms, CurriculumLoader loader, FormTemplateStore templates)
{
    public async Task<IReadOnlyList<SummaryModule>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await forms.EnrolmentAsync(user, cancellationToken) is not { } enrolment)
        {
            return [];
        }

        var rows = await (
            from r in db.Responses.AsNoTracking()
            where r.EnrolmentId == enrolment.Id && r.Status == ResponseStatus.Submitted
            join a in db.Assignments.AsNoTracking() on r.AssignmentId equals a.Id
            select new { r.TemplateId, r.TemplateVersion, r.AnswersJson, r.SubmittedUtc, a.ModuleItemId }).ToListAsync(cancellationToken);
        var program = await loader.LoadAsync(latest: false, cancellationToken);
        var modules = program?.Modules ?? [];
        var byModule = new Dictionary<string, List<SummaryForm>>();
        foreach (var row in rows.OrderBy(r => r.SubmittedUtc))
        {
            var version = await templates.GetVersionAsync(row.TemplateId, row.TemplateVersion, cancellationToken);
            if (version is null || version.Definition.Diary is not null || version.Definition.Instrument is not null)
            {
                continue;
            }

            var answers = FormAnswers.FromJson(row.AnswersJson);
            var view = new FormFieldsView(version.Definition, answers, new Dictionary<string, string>(), ReadOnly: true);
            var key = modules.Any(m => m.Id == row.ModuleItemId) ? row.ModuleItemId! : string.Empty;
            if (!byModule.TryGetValue(key, out var list))
            {
                byModule[key] = list = [];
            }

            list.Add(new SummaryForm(version.Title, row.SubmittedUtc ?? DateTime.MinValue, view, Lines(view)));
        }

        var result = modules.Where(m => byModule.ContainsKey(m.Id))
            .Select(m => new SummaryModule(m.Number, $"Modul {m.Number}: {m.Title}", byModule[m.Id])).ToList();
        if (byModule.TryGetValue(string.Empty, out var others))
        {
            result.Add(new SummaryModule(null, "Övriga formulär", others));
        }

        return result;
    }

    /// <summary>The shown questions with their answers as text, rows of repeating groups numbered.</summary>
    public static IReadOnlyList<(string Question, string Answer)> Lines(FormFieldsView view)
    {
        var lines = new List<(string, string)>();
        Add(new FormItemView(view, new FormItem(), string.Empty, view.Answers), view.Definition.Items, lines, string.Empty);
        return lines;
    }

    private static void Add(FormItemView level, IEnumerable<FormItem> items, List<(string, string)> lines, string label)
    {
        foreach (var item in items)
        {
            var current = level.Child(item);
            if (!current.IsShown || item.Type == FormItemType.Display)
            {
                continue;
            }

            if (item.Type == FormItemType.Group)
            {
                Add(current, item.Items, lines, label);
            }
            else if (item.Type == FormItemType.RepeatingGroup)
            {
                for (var i = 0; i < current.Rows.Count; i++)
                {
                    Add(current.Row(i, current.Rows[i]), item.Items, lines, $"{label}{item.Text}, rad {i + 1}: ");
                }
            }
            else
            {
                lines.Add((label + item.Text, current.AnswerText() ?? "Inte besvarad"));
            }
        }
    }
}
