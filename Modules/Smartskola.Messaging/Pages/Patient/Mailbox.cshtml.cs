using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Unlocking;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages.Patient;

/// <summary>Praktiska frågor: the unit mailbox (sign-in, technology), read by any of the unit's staff.</summary>
public sealed class MailboxModel(ConversationService conversations, MessageReferences references, CurriculumLoader loader, CurrentEnrolment current)
    : PatientThreadPage(conversations, references, loader, current)
{
    public override ConversationKind Kind => ConversationKind.UnitMailbox;

    public override string PageUrl => "/program/meddelanden/praktiska-fragor";
}
