using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Forms.Answering;
using Smartskola.Forms.Citizen;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Pages.Citizen;

/// <summary>
/// The public form behind a template's citizen link: no account; what is sent lands in the owning unit's inbox.
/// Refused posts (honeypot filled, sent too fast, too many from one address, too large) store nothing.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(CitizenGuard.MaxRequestBytes)]
public sealed class FormModel(CitizenForms forms, CitizenGuard guard) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    public TemplateVersion? Version { get; private set; }

    public FormFieldsView? Fields { get; private set; }

    public string Stamp { get; private set; } = string.Empty;

    public string? Problem { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await forms.ByTokenAsync(Token, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Show(found.Version, new FormAnswers(), new Dictionary<string, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Request.ContentLength > CitizenGuard.MaxRequestBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, "Formuläret är för stort.");
        }

        if (await forms.ByTokenAsync(Token, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!guard.TryAcquire(HttpContext.Connection.RemoteIpAddress?.ToString()))
        {
            return Refuse(found.Version, StatusCodes.Status429TooManyRequests,
                "Många formulär har skickats från din anslutning den senaste tiden. Vänta en stund och försök igen.");
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var answers = Answering.FormPost.Read(found.Version.Definition, form);
        if (!string.IsNullOrEmpty(form[CitizenGuard.Honeypot]))
        {
            return Refuse(found.Version, StatusCodes.Status422UnprocessableEntity, "Formuläret kunde inte skickas. Försök igen.", answers);
        }

        if (!guard.FilledSlowly(form[CitizenGuard.StartedField]))
        {
            return Refuse(found.Version, StatusCodes.Status422UnprocessableEntity,
                "Formuläret skickades för snabbt efter att det öppnades. Kontrollera dina svar och skicka igen.", answers);
        }

        var errors = AnswerValidator.Validate(found.Version.Definition, answers);
        if (errors.Count > 0)
        {
            Show(found.Version, answers, errors);
            Problem = "Formuläret innehåller fel. Rätta dem och skicka igen.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await forms.SubmitAsync(found.Template, found.Version, AnswerValidator.Clean(found.Version.Definition, answers), cancellationToken);
        Version = found.Version;
        Sent = true;
        return Page();
    }

    /// <summary>The question an error key names ("f3", or "f5[2].f6" in a repeating group's row).</summary>
    public static string QuestionText(FormDefinition definition, string key) =>
        definition.Find(key[(key.LastIndexOf('.') + 1)..])?.Text ?? key;

    private IActionResult Refuse(TemplateVersion version, int status, string message, FormAnswers? answers = null)
    {
        Show(version, answers ?? new FormAnswers(), new Dictionary<string, string>());
        Problem = message;
        Response.StatusCode = status;
        return Page();
    }

    private void Show(TemplateVersion version, FormAnswers answers, IReadOnlyDictionary<string, string> errors)
    {
        Version = version;
        Fields = new FormFieldsView(version.Definition, answers, errors);
        Stamp = guard.Stamp();
    }
}
