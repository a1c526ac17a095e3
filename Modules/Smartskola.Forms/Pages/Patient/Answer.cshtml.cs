using System.Text.Json;
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

/// <summary>
/// The patient answers one assignment: autosaved as they type (<c>?handler=save</c>, JSON), submitted with an
/// ordinary form post (works without JavaScript), then shown read-only with the clinician's feedback.
/// Someone else's assignment, or one not yet available, is not there (404).
/// </summary>
[RequirePermission(CorePermissions.PatientArea)]
[RequestSizeLimit(512_000)]
public sealed class AnswerModel(PatientForms forms, ResponseWriter writer) : PageModel
{
    public PatientAssignment Target { get; private set; } = null!;

    public FormFieldsView Fields { get; private set; } = null!;

    public FormResponse? Entry { get; private set; }

    public IReadOnlyList<ResponseFeedback> Feedback { get; private set; } = [];

    public bool Submitted => Entry?.Status == ResponseStatus.Submitted;

    public string Title => Target.Template.Title;

    public async Task<IActionResult> OnGetAsync(Guid assignmentId)
    {
        if (await LoadAsync(assignmentId) is { } missing)
        {
            return missing;
        }

        var answers = FormAnswers.FromJson(Entry?.AnswersJson);
        if (Submitted)
        {
            Feedback = await writer.FeedbackSeenAsync(Entry!.Id, HttpContext.RequestAborted);
        }

        Fields = new FormFieldsView(Target.Template.Definition, answers, new Dictionary<string, string>(), ReadOnly: Submitted,
            Paged: !Submitted && Target.Template.Definition.Items.Count(i => i.Type == FormItemType.Group) > 1);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid assignmentId, [FromBody] SaveRequest? body)
    {
        if (await LoadAsync(assignmentId) is { } missing)
        {
            return missing;
        }

        if (body?.Answers is null || body.Revision < 0)
        {
            return BadRequest(new { message = "Svaren kunde inte läsas." });
        }

        var fields = body.Answers.ToDictionary(p => p.Key, p => Values(p.Value));
        var answers = FormPost.Read(Target.Template.Definition, fields);
        var result = await writer.SaveDraftAsync(Target, FormResponse.SingleEntry, null, body.Revision, answers, HttpContext.RequestAborted);
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
    public async Task<IActionResult> OnPostAsync(Guid assignmentId)
    {
        if (await LoadAsync(assignmentId) is { } missing)
        {
            return missing;
        }

        if (Submitted)
        {
            return Redirect($"/program/formular/{assignmentId}");
        }

        var fields = Request.Form.Where(f => f.Key != "__RequestVerificationToken")
            .ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray());
        var definition = Target.Template.Definition;
        var answers = FormPost.Read(definition, fields);
        var errors = AnswerValidator.Validate(definition, answers);
        if (errors.Count > 0)
        {
            // Keep what was typed: saved as the draft too, so it survives leaving the page.
            await writer.SaveDraftAsync(Target, FormResponse.SingleEntry, null, Entry?.Revision ?? 0, answers, HttpContext.RequestAborted);
            Entry = await writer.FindAsync(assignmentId, FormResponse.SingleEntry, HttpContext.RequestAborted);
            Fields = new FormFieldsView(definition, answers, errors);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }

        await writer.SubmitAsync(Target, FormResponse.SingleEntry, null, answers, completesAssignment: true, HttpContext.RequestAborted);
        TempData["FormStatus"] = "Tack! Dina svar är skickade.";
        return Redirect($"/program/formular/{assignmentId}");
    }

    private async Task<IActionResult?> LoadAsync(Guid assignmentId)
    {
        if (await forms.OwnAsync(User, assignmentId, HttpContext.RequestAborted) is not { } target)
        {
            return NotFound();
        }

        Target = target;
        Entry = await writer.FindAsync(assignmentId, FormResponse.SingleEntry, HttpContext.RequestAborted);
        return null;
    }

    private static string[] Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString() ?? string.Empty],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? "").ToArray(),
        _ => [],
    };
}
