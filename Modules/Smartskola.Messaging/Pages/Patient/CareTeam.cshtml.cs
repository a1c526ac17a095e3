using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Unlocking;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Pages.Patient;

/// <summary>Meddelanden: the conversation with the care team.</summary>
public sealed class CareTeamModel(ConversationService conversations, MessageReferences references, CurriculumLoader loader, CurrentEnrolment current)
    : PatientThreadPage(conversations, references, loader, current)
{
    public override ConversationKind Kind => ConversationKind.CareTeam;

    public override string PageUrl => "/program/meddelanden";
}
