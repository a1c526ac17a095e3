using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Forms.Answering;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Pages.Patient;

/// <summary>The autosave's body: the revision the page last saw, and the fields by name (a text or a list).</summary>
public sealed record SaveRequest(int Revision, Dictionary<string, JsonElement>? Answers);

/// <summary>A diary entry in the list, with its derived values.</summary>
public sealed record DiaryEntry(FormResponse Response, IReadOnlyList<DerivedResult> Derived);

/// <summary>
/// The patient answers one assignment: autosaved as they type (<c>?handler=save</c>, JSON), submitted with an
/// ordinary form post (works without JavaScript), then shown read-only with the clinician's feedback. A diary lists
/// its entries by date; <c>?datum=2026-11-23</c> (and <c>&amp;post=id</c> when several a day) is one entry.
/// Someone else's assignment, or one not yet available, is not there (404). A saved diary entry opens as a form
/// again while it may be corrected (<c>?handler=correct</c>, see <see cref="DiaryCorrections"/>); older entries and
/// submitted forms are read-only.
/// </summary>
[RequirePermission(CorePermissions.PatientArea)]
[RequestSizeLimit(512_000)]
public sealed partial class AnswerModel(PatientForms forms, ResponseWriter writer, DiaryCorrections corrections, TimeProvider clock)
    : PageModel
{
    /// <summary>The hidden field carrying the revision the correction form was based on.</summary>
    public const string RevisionField = "_revision";

    public static string ClosedText => $"Anteckningar äldre än {DiaryCorrections.WindowDays} dagar kan inte ändras.";

    public PatientAssignment Target { get; private set; } = null!;

    public FormFieldsView Fields { get; private set; } = null!;

    public FormResponse? Entry { get; private set; }

    public IReadOnlyList<ResponseFeedback> Feedback { get; private set; } = [];

    public bool Submitted => Entry?.Status == ResponseStatus.Submitted;

    /// <summary>A saved diary entry the patient may still correct: shown as a form with "Spara ändringar".</summary>
    public bool Correcting => Submitted && DiaryCorrections.IsOpen(Target, Entry, Today);

    /// <summary>The revision the correction form is based on (what the page saw, also after a refused attempt).</summary>
    public int Revision { get; private set; }

    /// <summary>Why a correction was not saved (a newer save in another tab, or the entry is no longer open).</summary>
    public string? Notice { get; private set; }

    public string Title => Target.Template.Title;

    public DiarySettings? Diary => Target.Template.Definition.Diary;

    /// <summary>The response's key: "form", a date, or a diary post id; null on a diary's list of entries.</summary>
    public string? EntryKey { get; private set; }

    public DateOnly? EntryDate { get; private set; }

    public IReadOnlyList<DiaryEntry> Entries { get; private set; } = [];

    public DateOnly Today => SwedishTime.Today(clock);

    /// <summary>This entry's address (the query carries the diary's date and post id).</summary>
    public string EntryUrl(string? handler = null)
    {
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add("handler=" + handler);
        }

        if (Diary is not null && EntryDate is { } date)
        {
            query.Add("datum=" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (Diary.Frequency == DiaryFrequency.SeveralPerDay)
            {
                query.Add("post=" + EntryKey);
            }
        }

        return $"/program/formular/{Target.Assignment.Id}" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public async Task<IActionResult> OnGetAsync(Guid assignmentId, string? datum, string? post)
    {
        if (await LoadAsync(assignmentId, datum, post) is { } missing)
        {
            return missing;
        }

        if (EntryKey is null)
        {
            var all = await writer.EntriesAsync(assignmentId, HttpContext.RequestAborted);
            Entries = all.Select(r => new DiaryEntry(r, DiaryDerived.Compute(Diary, FormAnswers.FromJson(r.AnswersJson)))).ToList();
            return Page();
        }

        await ShowEntryAsync(FormAnswers.FromJson(Entry?.AnswersJson), new Dictionary<string, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid assignmentId, string? datum, string? post, [FromBody] SaveRequest? body)
    {
        if (await LoadAsync(assignmentId, datum, post) is { } missing)
        {
            return missing;
        }

        if (EntryKey is null || body?.Answers is null || body.Revision < 0)
        {
            return BadRequest(new { message = "Svaren kunde inte läsas." });
        }

        var fields = body.Answers.ToDictionary(p => p.Key, p => Values(p.Value));
        var answers = FormPost.Read(Target.Template.Definition, fields);
        var result = await writer.SaveDraftAsync(Target, EntryKey, EntryDate, body.Revision, answers, HttpContext.RequestAborted);
        var saved = SwedishTime.Format(result.Response.SavedUtc, "HH:mm");
        return result.Outcome switch
        {
            SaveOutcome.Saved => new JsonResult(new { revision = result.Response.Revision, saved }),
            SaveOutcome.Submitted => new JsonResult(new { submitted = true, message = "Formuläret är redan skickat." }) { StatusCode = 409 },
            _ => new JsonResult(new
            {
                revision = result.Response.Revision,
                answers = JsonDocument.Parse(result.Response.AnswersJson).RootElement,
                message = "Svaren ändrades i en annan flik. De senast sparade svaren visas nu.",
            }) { StatusCode = 409 },
        };
    }

    /// <summary>Submit: validate, then submit once; a repeated submit lands on the same receipt.</summary>
    public async Task<IActionResult> OnPostAsync(Guid assignmentId, string? datum, string? post)
    {
        if (await LoadAsync(assignmentId, datum, post) is { } missing)
        {
            return missing;
        }

        if (EntryKey is null)
        {
            return NotFound();
        }

        if (Submitted)
        {
            return Redirect(EntryUrl());
        }

        var definition = Target.Template.Definition;
        var answers = FormPost.Read(definition, Request.Form);
        var errors = AnswerValidator.Validate(definition, answers);
        if (errors.Count > 0)
        {
            // Keep what was typed: saved as the draft too, so it survives leaving the page.
            await writer.SaveDraftAsync(Target, EntryKey, EntryDate, Entry?.Revision ?? 0, answers, HttpContext.RequestAborted);
            Entry = await writer.FindAsync(assignmentId, EntryKey, HttpContext.RequestAborted);
            Fields = new FormFieldsView(definition, answers, errors);
            Revision = Entry?.Revision ?? 0;
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }

        // A diary stays open for more entries; a form is answered once.
        await writer.SubmitAsync(Target, EntryKey, EntryDate, answers, completesAssignment: Diary is null, HttpContext.RequestAborted);
        TempData["FormStatus"] = Diary is null ? "Tack! Dina svar är skickade." : "Anteckningen är sparad.";
        return Redirect(Diary is null ? EntryUrl() : $"/program/formular/{assignmentId}");
    }

    /// <summary>
    /// Corrects a saved diary entry: validated like a submit, then written only if nobody saved since the page's
    /// revision. Refused corrections keep the page and say why (422 invalid, 409 newer save or no longer open).
    /// </summary>
    public async Task<IActionResult> OnPostCorrectAsync(Guid assignmentId, string? datum, string? post)
    {
        if (await LoadAsync(assignmentId, datum, post) is { } missing)
        {
            return missing;
        }

        // Only saved diary entries are corrected; a submitted form, a draft or a diary's list has nothing to correct.
        if (Diary is null || EntryKey is null || !Submitted)
        {
            return NotFound();
        }

        if (!int.TryParse(Request.Form[RevisionField], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return BadRequest();
        }

        if (!Correcting)
        {
            return await RefusedAsync(FormAnswers.FromJson(Entry!.AnswersJson), ClosedText);
        }

        var definition = Target.Template.Definition;
        var answers = FormPost.Read(definition, Request.Form);

        var errors = AnswerValidator.Validate(definition, answers);
        if (errors.Count > 0)
        {
            // Nothing written: the saved entry stays as it was; the typed text stays on the page (and in the browser).
            await ShowEntryAsync(answers, errors, revision);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }

        var result = await corrections.CorrectAsync(Target, Entry!, revision, answers, HttpContext.RequestAborted);
        if (result.Outcome == CorrectionOutcome.Corrected)
        {
            TempData["FormStatus"] = "Ändringarna är sparade.";
            return Redirect($"/program/formular/{assignmentId}");
        }

        Entry = result.Response;
        return await RefusedAsync(FormAnswers.FromJson(Entry.AnswersJson), result.Outcome == CorrectionOutcome.Stale
            ? "Anteckningen ändrades i en annan flik. De senast sparade svaren visas nu – gör din ändring igen om den behövs."
            : ClosedText);
    }

    private async Task<IActionResult> RefusedAsync(FormAnswers current, string notice)
    {
        Notice = notice;
        await ShowEntryAsync(current, new Dictionary<string, string>());
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    /// <summary>An entry's page: a form while it can be filled in or corrected, otherwise read-only with feedback.</summary>
    private async Task ShowEntryAsync(FormAnswers answers, IReadOnlyDictionary<string, string> errors, int? revision = null)
    {
        if (Submitted)
        {
            Feedback = await writer.FeedbackSeenAsync(Entry!.Id, HttpContext.RequestAborted);
        }

        var readOnly = Submitted && !Correcting;
        Revision = revision ?? Entry?.Revision ?? 0;
        Fields = new FormFieldsView(Target.Template.Definition, answers, errors, ReadOnly: readOnly,
            Paged: !readOnly && Target.Template.Definition.Items.Count(i => i.Type == FormItemType.Group) > 1);
    }

    private async Task<IActionResult?> LoadAsync(Guid assignmentId, string? datum, string? post)
    {
        if (await forms.OwnAsync(User, assignmentId, HttpContext.RequestAborted) is not { } target)
        {
            return NotFound();
        }

        Target = target;
        if (Diary is null)
        {
            EntryKey = FormResponse.SingleEntry;
        }
        else if (datum is not null)
        {
            // A diary entry: a real date, not in the future; several a day are told apart by a post id.
            if (!DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || date > Today || date < Today.AddYears(-2))
            {
                return NotFound();
            }

            if (Diary.Frequency == DiaryFrequency.SeveralPerDay && (post is null || !PostId().IsMatch(post)))
            {
                return NotFound();
            }

            EntryDate = date;
            EntryKey = Diary.Frequency == DiaryFrequency.OncePerDay ? datum : post;
        }

        if (EntryKey is not null)
        {
            Entry = await writer.FindAsync(assignmentId, EntryKey, HttpContext.RequestAborted);
            if (Entry is not null && Diary is not null && Entry.EntryDate != EntryDate)
            {
                return NotFound();
            }
        }

        return null;
    }

    private static string[] Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString() ?? string.Empty],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? "").ToArray(),
        _ => [],
    };

    [GeneratedRegex("^[a-z0-9]{8,32}$")]
    private static partial Regex PostId();
}
