using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages.Patient;

/// <summary>
/// The patient's side of one conversation of their current enrolment: the messages (newest at the bottom), a form
/// to write, and correcting an own message until it is read (<c>?andra={id}</c>). Opening the page marks the care
/// team's messages read. After the program has ended the conversation is read-only; without an enrolment (or after
/// gallring) it is not there.
/// </summary>
[RequirePermission(CorePermissions.PatientArea)]
public abstract class PatientThreadPage(ConversationService conversations, MessageReferences references, CurriculumLoader loader,
    CurrentEnrolment current) : ThreadPageModel
{
    public ProgramEnrolment Enrolment { get; private set; } = null!;

    public IReadOnlyList<ReferenceOption> Options { get; private set; } = [];

    /// <summary>Unread care-team messages in the other conversation (shown on its tab).</summary>
    public int OtherUnread { get; private set; }

    public override bool ReadOnly => !Enrolment.GivesAccess;

    /// <summary>The own message being corrected (<c>?andra=</c>), if it still may be.</summary>
    /// <summary>The "Om:" choice (e.g. <c>section:{id}</c>); empty for none.</summary>
    [BindProperty]
    public string? About { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? andra)
    {
        if (!await LoadAsync(markRead: true))
        {
            return NotFound();
        }

        BeginEdit(andra);

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(markRead: false))
        {
            return NotFound();
        }

        var chosen = MessageReferences.Find(Options, About);
        if (!string.IsNullOrEmpty(About) && chosen is null)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "Det du valde under \"Om\" finns inte bland det du kan läsa. Välj något annat.", "About");
        }

        var outcome = await conversations.PostAsync(Enrolment, Kind, MessageAuthor.Patient, User.UserId()!.Value, string.Empty, Body,
            chosen?.Reference, HttpContext.RequestAborted);
        if (!outcome.Ok)
        {
            return Refuse(outcome.Status, outcome.Error!, TextError(outcome.Status));
        }

        StatusMessage = "Ditt meddelande är skickat.";
        return Redirect(PageUrl + "#senaste");
    }

    public async Task<IActionResult> OnPostEditAsync(Guid messageId)
    {
        if (!await LoadAsync(markRead: false) || await conversations.FindAsync(Enrolment.Id, Kind, HttpContext.RequestAborted) is not { } conversation)
        {
            return NotFound();
        }

        if (ReadOnly)
        {
            return Refuse(StatusCodes.Status409Conflict, ConversationService.EndedProgram);
        }

        var outcome = await conversations.EditAsync(conversation.Id, messageId, User.UserId()!.Value, Body, Version, HttpContext.RequestAborted);
        return AfterEdit(outcome, messageId);
    }

    private async Task<bool> LoadAsync(bool markRead)
    {
        var cancel = HttpContext.RequestAborted;
        if (User.UserId() is not { } userId || await loader.LoadAsync(latest: false, cancel) is not { } program
            || await current.ForAsync(userId, program.Item.ContentItemId, cancel) is not { } enrolment
            || enrolment.Status == EnrolmentStatus.Purged)
        {
            return false;
        }

        Enrolment = enrolment;
        Options = enrolment.GivesAccess ? await references.OptionsAsync(HttpContext, enrolment.Id) : [];
        var conversation = await conversations.FindAsync(enrolment.Id, Kind, cancel);
        if (conversation is not null)
        {
            var messages = await conversations.MessagesAsync(conversation.Id, cancel);
            Messages = messages.Select(m => new MessageView(m, m.Author == MessageAuthor.Patient ? "Du" : m.AuthorName,
                MessageReferences.UrlFor(Options, m), m.Author == MessageAuthor.Patient,
                m.Author == MessageAuthor.Staff && m.ReadByRecipientUtc is null)).ToList();
            if (markRead)
            {
                await conversations.MarkReadAsync(conversation.Id, MessageAuthor.Patient, userId, cancel);
            }
        }

        var unread = await conversations.UnreadForPatientAsync(enrolment.Id, cancel);
        OtherUnread = unread.GetValueOrDefault(Kind == ConversationKind.CareTeam ? ConversationKind.UnitMailbox : ConversationKind.CareTeam);
        return true;
    }
}
