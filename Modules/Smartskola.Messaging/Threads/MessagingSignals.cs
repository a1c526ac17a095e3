using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Navigation;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;
using Smartskola.Enrolment.Workspace;
using Smartskola.Messaging.Data;

namespace Smartskola.Messaging.Threads;

/// <summary>Unread messages for the triage list: patient messages in the care-team conversation no staff member has read.</summary>
public sealed class UnreadMessageSignals(MessagingDbContext db) : ITriageSignals
{
    public async Task<IReadOnlyDictionary<Guid, TriageSignal>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var units = unitIds.ToList();
        return await (from m in db.Messages.AsNoTracking()
                      join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
                      where units.Contains(c.CareUnitId) && c.Kind == ConversationKind.CareTeam
                          && m.Author == MessageAuthor.Patient && m.ReadByRecipientUtc == null
                      group m by c.EnrolmentId into g
                      select new { g.Key, Count = g.Count(), Oldest = g.Min(m => m.CreatedUtc) })
            .ToDictionaryAsync(x => x.Key, x => new TriageSignal(x.Count, x.Oldest, 0), cancellationToken);
    }
}

/// <summary>"Meddelanden" on the patient page, with the patient's unread messages in the care-team conversation.</summary>
public sealed class MessagingEnrolmentLinks(MessagingDbContext db) : IEnrolmentLinks
{
    public async Task<IReadOnlyList<EnrolmentLink>> ForEnrolmentAsync(ProgramEnrolment enrolment, CancellationToken cancellationToken)
    {
        var unread = await (from m in db.Messages.AsNoTracking()
                            join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
                            where c.EnrolmentId == enrolment.Id && c.Kind == ConversationKind.CareTeam
                                && m.Author == MessageAuthor.Patient && m.ReadByRecipientUtc == null
                            select m.Id).CountAsync(cancellationToken);
        return [new EnrolmentLink("Meddelanden", $"/admin/patienter/{enrolment.Id}/meddelanden", unread > 0 ? $"{unread} olästa" : null)];
    }
}

/// <summary>"Meddelanden" in the patient's main menu with the count of unread answers from the care team.</summary>
public sealed class MessagingMenuItems(CurriculumLoader loader, CurrentEnrolment current, ConversationService conversations) : IPatientMenuItems
{
    public const string Url = "/program/meddelanden";

    public async Task<IReadOnlyList<PatientMenuItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(CorePermissions.PatientArea) || user.UserId() is not { } userId
            || await loader.LoadAsync(latest: false, cancellationToken) is not { } program
            || await current.ForAsync(userId, program.Item.ContentItemId, cancellationToken) is not { } enrolment
            || enrolment.Status == EnrolmentStatus.Purged)
        {
            return [];
        }

        var unread = (await conversations.UnreadForPatientAsync(enrolment.Id, cancellationToken)).Values.Sum();
        return [new PatientMenuItem("Meddelanden", Url, 50, unread, "olästa")];
    }
}
