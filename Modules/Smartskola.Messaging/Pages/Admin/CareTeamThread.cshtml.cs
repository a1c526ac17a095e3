using Smartskola.Enrolment.Workspace;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.ReplyTemplates;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages.Admin;

/// <summary>The care-team conversation of one enrolment, from the patient page.</summary>
public sealed class CareTeamThreadModel(EnrolmentAccessGuard guard, ConversationService conversations, ReplyTemplateService templates, TimeProvider clock)
    : StaffThreadPage(guard, conversations, templates, clock)
{
    public override ConversationKind Kind => ConversationKind.CareTeam;

    public override string PageUrl => $"/admin/patienter/{Enrolment.Id}/meddelanden";
}
