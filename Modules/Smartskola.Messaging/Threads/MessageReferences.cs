using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Forms.Data;
using Smartskola.Messaging.Data;

namespace Smartskola.Messaging.Threads;

/// <summary>One choice in the patient's "Om:" list: the form value, what it says, its group and where it is read.</summary>
public sealed record ReferenceOption(string Value, string Label, string Group, string Url, MessageReference Reference);

/// <summary>
/// What a patient may refer to in a message: sections and exercises of the modules open to them (the same reading
/// scope the program pages use) and their own submitted form answers. Anything else is refused, so a message never
/// points at a locked section or at another patient's answer.
/// </summary>
public sealed class MessageReferences(ReadingScopeFactory scopes, FormsDbContext forms)
{
    public const string Sections = "Avsnitt";
    public const string Exercises = "Övningar";
    public const string Answers = "Mina svar";

    public async Task<IReadOnlyList<ReferenceOption>> OptionsAsync(HttpContext http, Guid enrolmentId)
    {
        var options = new List<ReferenceOption>();
        var (scope, _) = await scopes.CreateAsync(http);
        if (scope is not null && !scope.Preview)
        {
            foreach (var module in scope.OpenModules)
            {
                foreach (var section in module.Sections)
                {
                    options.Add(new($"section:{section.Id}", $"Modul {module.Number}: {section.Title}", Sections, scope.SectionUrl(module, section),
                        new MessageReference(MessageReferenceKind.Section, section.Id, section.Title)));
                }
            }

            foreach (var exercise in scope.UnlockedExercises)
            {
                options.Add(new($"exercise:{exercise.Id}", exercise.Title, Exercises, scope.ExerciseUrl(exercise),
                    new MessageReference(MessageReferenceKind.Exercise, exercise.Id, exercise.Title)));
            }
        }

        var answers = await (from r in forms.Responses.AsNoTracking()
                             join v in forms.Versions.AsNoTracking() on new { r.TemplateId, Version = r.TemplateVersion }
                                 equals new { v.TemplateId, v.Version }
                             where r.EnrolmentId == enrolmentId && r.Status == ResponseStatus.Submitted
                             select new { r.Id, r.AssignmentId, r.SubmittedUtc, v.Title }).ToListAsync(http.RequestAborted);
        foreach (var answer in answers.OrderByDescending(a => a.SubmittedUtc))
        {
            var title = answer.SubmittedUtc is { } at ? $"{answer.Title} ({SwedishTime.Format(at, "yyyy-MM-dd")})" : answer.Title;
            options.Add(new($"form:{answer.Id:N}", title, Answers, $"/program/formular/{answer.AssignmentId}",
                new MessageReference(MessageReferenceKind.FormResponse, answer.Id.ToString("N"), title)));
        }

        return options;
    }

    /// <summary>The value's option, or null when the patient may not refer to it (or it is no reference at all).</summary>
    public static ReferenceOption? Find(IReadOnlyList<ReferenceOption> options, string? value) =>
        string.IsNullOrEmpty(value) ? null : options.FirstOrDefault(o => o.Value == value);

    /// <summary>Where the patient opens a message's reference now, if they still may (a module may have been locked since).</summary>
    public static string? UrlFor(IReadOnlyList<ReferenceOption> options, Message message) =>
        message.ReferenceKind == MessageReferenceKind.None ? null
        : options.FirstOrDefault(o => o.Reference.Kind == message.ReferenceKind && o.Reference.Id == message.ReferenceId)?.Url;
}
