using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Enrolment;
using Smartskola.Enrolment.Workspace;
using Smartskola.Forms.Answering;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.FollowUp;

namespace Smartskola.Forms.Pages.Admin.FollowUp;

/// <summary>One submitted answer, read-only, against the exact version it answered; scores, feedback and a feedback form.</summary>
[RequirePermission(EnrolmentPermissions.ManagePatients)]
public sealed class AnswerModel(EnrolmentAccessGuard guard, EnrolmentForms forms) : PageModel
{
    public Guid EnrolmentId { get; private set; }

    public string PatientName { get; private set; } = string.Empty;

    public ResponseView View { get; private set; } = null!;

    public FormFieldsView Fields { get; private set; } = null!;

    [BindProperty]
    public string? Feedback { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, Guid responseId) =>
        await LoadAsync(enrolmentId, responseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, Guid responseId)
    {
        if (!await LoadAsync(enrolmentId, responseId))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (await forms.AddFeedbackAsync(responseId, User.UserId() ?? Guid.Empty, User.DisplayName(), Feedback, HttpContext.RequestAborted)
            is { } error)
        {
            ModelState.AddModelError(nameof(Feedback), error);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        StatusMessage = "Återkopplingen är sparad. Patienten ser den med sitt svar.";
        return Redirect($"/admin/patienter/{enrolmentId}/formular/svar/{responseId}");
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, Guid responseId)
    {
        if (await guard.OpenAsync(User, enrolmentId, "patient.answers.view", HttpContext.RequestAborted) is not { } opened
            || await forms.ResponseAsync(enrolmentId, responseId, HttpContext.RequestAborted) is not { } view)
        {
            return false;
        }

        EnrolmentId = enrolmentId;
        PatientName = opened.Patient.FullName;
        View = view;
        Fields = new FormFieldsView(view.Version.Definition, FormAnswers.FromJson(view.Response.AnswersJson), new Dictionary<string, string>(),
            ReadOnly: true);
        return true;
    }
}
