using Smartskola.Enrolment.Workspace;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.ReplyTemplates;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages.Admin;

/// <summary>One patient's practical questions in the unit mailbox.</summary>
public sealed class MailboxThreadModel(EnrolmentAccessGuard guard, ConversationService conversations, ReplyTemplateService templates, TimeProvider clock)
    : StaffThreadPage(guard, conversations, templates, clock)
{
    public override ConversationKind Kind => ConversationKind.UnitMailbox;

    public override string PageUrl => $"/admin/meddelanden/funktionsbrevlada/{Enrolment.Id}";
}
