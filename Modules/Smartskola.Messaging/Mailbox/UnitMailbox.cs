using Microsoft.EntityFrameworkCore;
using Smartskola.Enrolment.Data;
using Smartskola.Messaging.Data;

namespace Smartskola.Messaging.Mailbox;

/// <summary>One patient's thread in the unit mailbox list.</summary>
public sealed record MailboxRow(Guid EnrolmentId, Guid UnitId, string PatientName, string PersonnummerMasked, DateTime? LastMessageUtc,
    int Unread, DateTime? OldestUnreadUtc);

/// <summary>
/// Funktionsbrevlådan: the unit-mailbox conversations of the given units, those with unread patient messages first
/// (oldest waiting first), then the most recently active.
/// </summary>
public sealed class UnitMailbox(MessagingDbContext db, EnrolmentDbContext enrolments)
{
    public async Task<IReadOnlyList<MailboxRow>> ListAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var units = unitIds.ToList();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => units.Contains(c.CareUnitId) && c.Kind == ConversationKind.UnitMailbox && c.LastMessageUtc != null)
            .Select(c => new
            {
                c.EnrolmentId, c.CareUnitId, c.LastMessageUtc,
                Unread = db.Messages.Count(m => m.ConversationId == c.Id && m.Author == MessageAuthor.Patient && m.ReadByRecipientUtc == null),
                Oldest = db.Messages.Where(m => m.ConversationId == c.Id && m.Author == MessageAuthor.Patient && m.ReadByRecipientUtc == null)
                    .Min(m => (DateTime?)m.CreatedUtc),
            }).ToListAsync(cancellationToken);
        var ids = conversations.Select(c => c.EnrolmentId).ToList();
        var patients = await (from e in enrolments.Enrolments.AsNoTracking()
                              join p in enrolments.Patients.AsNoTracking() on e.PatientId equals p.Id
                              where ids.Contains(e.Id) && e.Status != EnrolmentStatus.Purged
                              select new { e.Id, p.GivenName, p.FamilyName, p.PersonnummerMasked }).ToDictionaryAsync(x => x.Id, cancellationToken);
        return conversations.Where(c => patients.ContainsKey(c.EnrolmentId))
            .Select(c =>
            {
                var p = patients[c.EnrolmentId];
                return new MailboxRow(c.EnrolmentId, c.CareUnitId, $"{p.GivenName} {p.FamilyName}".Trim(), p.PersonnummerMasked, c.LastMessageUtc,
                    c.Unread, c.Oldest);
            })
            .OrderByDescending(r => r.Unread > 0).ThenBy(r => r.OldestUnreadUtc ?? DateTime.MaxValue)
            .ThenByDescending(r => r.LastMessageUtc).ToList();
    }
}
