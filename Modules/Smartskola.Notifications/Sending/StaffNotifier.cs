using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Sending;

/// <summary>
/// E-mails staff that a patient message waits, if their "Ta emot notifieringar" is on (no settings row: on). The
/// mail names no patient; one per staff member and event (dedupe key <c>{key}:staff:{userId}</c>).
/// </summary>
public sealed class StaffNotifier(NotificationsDbContext db, IStaffDirectory staff, IMailOutbox outbox, SharedDbConnection connection,
    NotificationTexts texts) : IStaffNotifier
{
    public async Task<int> NewPatientMessageAsync(IReadOnlyCollection<Guid> staffUserIds, string dedupeKey, CancellationToken cancellationToken = default)
    {
        var ids = staffUserIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var off = await db.StaffSettings.AsNoTracking().Where(s => ids.Contains(s.UserId) && !s.ReceiveNewMessages)
            .Select(s => s.UserId).ToListAsync(cancellationToken);
        var found = await staff.FindAsync(ids.Except(off), cancellationToken);
        var text = texts.StaffNewMessage();
        var notified = 0;
        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        foreach (var member in found.Values.Where(m => m.Email.Length > 0).OrderBy(m => m.Id))
        {
            if (await outbox.EnqueueAsync(new OutgoingMail($"{dedupeKey}:staff:{member.Id:N}", member.Email, text.Subject, text.Body)
                    { Kind = NotificationKinds.StaffNewMessage }, cancellationToken))
            {
                notified++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return notified;
    }
}
