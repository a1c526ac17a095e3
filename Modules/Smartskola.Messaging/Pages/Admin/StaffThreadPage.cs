using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Workspace;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.ReplyTemplates;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages.Admin;

/// <summary>
/// Staff's side of one conversation of an enrolment. Every opening goes through <see cref="EnrolmentAccessGuard"/>
/// (permission and unit, else 404) which audit-logs it as <c>patient.messages.view</c>; writing is logged as
/// <c>patient.messages.write</c>. Opening marks the patient's messages read. A reply template fills the reply box
/// (<c>?mall={id}</c>, or at once with JavaScript).
/// </summary>
[RequirePermission(MessagingPermissions.Converse)]
public abstract class StaffThreadPage(EnrolmentAccessGuard guard, ConversationService conversations, ReplyTemplateService templates,
    TimeProvider clock) : ThreadPageModel
{
    public const string ViewAction = "patient.messages.view";
    public const string WriteAction = "patient.messages.write";

    public ProgramEnrolment Enrolment { get; private set; } = null!;

    public Smartskola.Enrolment.Data.Patient Patient { get; private set; } = null!;

    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    public Guid? TemplateId { get; private set; }

    public override bool ReadOnly => !Enrolment.GivesAccess;

    public TimeProvider Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, Guid? mall, Guid? andra)
    {
        if (!await OpenAsync(enrolmentId, ViewAction, markRead: true))
        {
            return NotFound();
        }

        if (!BeginEdit(andra) && mall is { } templateId && Templates.FirstOrDefault(t => t.Id == templateId) is { } template)
        {
            TemplateId = templateId;
            Body = template.Body;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId)
    {
        if (!await OpenAsync(enrolmentId, WriteAction, markRead: false))
        {
            return NotFound();
        }

        var outcome = await conversations.PostAsync(Enrolment, Kind, MessageAuthor.Staff, User.UserId()!.Value, User.DisplayName(), Body, null,
            HttpContext.RequestAborted);
        if (!outcome.Ok)
        {
            return Refuse(outcome.Status, outcome.Error!, TextError(outcome.Status));
        }

        StatusMessage = "Svaret är skickat.";
        return Redirect(PageUrl + "#senaste");
    }

    public async Task<IActionResult> OnPostEditAsync(Guid enrolmentId, Guid messageId)
    {
        if (!await OpenAsync(enrolmentId, WriteAction, markRead: false)
            || await conversations.FindAsync(enrolmentId, Kind, HttpContext.RequestAborted) is not { } conversation)
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

    private async Task<bool> OpenAsync(Guid enrolmentId, string auditAction, bool markRead)
    {
        var cancel = HttpContext.RequestAborted;
        if (await guard.OpenAsync(User, enrolmentId, auditAction, cancel) is not { } opened)
        {
            return false;
        }

        (Enrolment, Patient) = opened;
        var me = User.UserId()!.Value;
        Templates = await templates.UsableAsync(User.CareUnitIds(), cancel);
        var conversation = await conversations.FindAsync(enrolmentId, Kind, cancel);
        if (conversation is not null)
        {
            var messages = await conversations.MessagesAsync(conversation.Id, cancel);
            Messages = messages.Select(m => new MessageView(m,
                m.Author == MessageAuthor.Patient ? Patient.FullName : m.AuthorUserId == me ? $"Du ({m.AuthorName})" : m.AuthorName,
                m.ReferenceKind == MessageReferenceKind.FormResponse && Guid.TryParse(m.ReferenceId, out var response)
                    ? $"/admin/patienter/{enrolmentId}/formular/svar/{response}" : null,
                m.Author == MessageAuthor.Staff && m.AuthorUserId == me,
                m.Author == MessageAuthor.Patient && m.ReadByRecipientUtc is null)).ToList();
            if (markRead)
            {
                await conversations.MarkReadAsync(conversation.Id, MessageAuthor.Staff, me, cancel);
            }
        }

        return true;
    }
}
