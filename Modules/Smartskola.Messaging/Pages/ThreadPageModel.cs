using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages;

/// <summary>What the patient's and the staff's page of one conversation share: the messages, writing, and correcting an
/// own message until it has been read (<c>?andra={id}</c>).</summary>
public abstract class ThreadPageModel : PageModel
{
    public abstract ConversationKind Kind { get; }

    public abstract string PageUrl { get; }

    public IReadOnlyList<MessageView> Messages { get; protected set; } = [];

    /// <summary>The own message being corrected, if it still may be.</summary>
    public Guid? Editing { get; private set; }

    public abstract bool ReadOnly { get; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public string? Error { get; private set; }

    /// <summary>The field the error is about ("Body", "About"), so the page links the message to it; null for others.</summary>
    public string? ErrorOn { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Fills the form with an own message (<c>?andra=</c>) when it may still be corrected.</summary>
    protected bool BeginEdit(Guid? messageId)
    {
        if (messageId is not { } id || ReadOnly || Messages.FirstOrDefault(m => m.Message.Id == id && m.CanEdit) is not { } own)
        {
            return false;
        }

        Editing = id;
        Body = own.Message.Body;
        Version = own.Message.Version;
        return true;
    }

    /// <summary>The answer to a correction: 404 for a message that is not one's own, the refusal, or back to the thread.</summary>
    protected IActionResult AfterEdit(MessageOutcome outcome, Guid messageId)
    {
        if (outcome.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        if (!outcome.Ok)
        {
            if (outcome.Status == StatusCodes.Status422UnprocessableEntity)
            {
                Editing = messageId;
            }

            return Refuse(outcome.Status, outcome.Error!, TextError(outcome.Status));
        }

        StatusMessage = "Meddelandet är ändrat.";
        return Redirect(PageUrl + "#senaste");
    }

    /// <summary>A refused text (empty, too long) is the message field's error; conflicts are about no field.</summary>
    protected static string? TextError(int status) => status == StatusCodes.Status422UnprocessableEntity ? "Body" : null;

    protected IActionResult Refuse(int status, string error, string? on = null)
    {
        Error = error;
        ErrorOn = on;
        Response.StatusCode = status;
        return Page();
    }
}
