using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;
using Smartskola.Messaging.Data;
using Smartskola.Notifications.Sending;

namespace Smartskola.Messaging.Threads;

/// <summary>What a message is about, as the writer picked it (<see cref="MessageReferences"/> checks the patient may see it).</summary>
public sealed record MessageReference(MessageReferenceKind Kind, string Id, string Title);

/// <summary>The result of writing or changing a message: the message, or an HTTP status with a Swedish reason.</summary>
public sealed record MessageOutcome(Message? Message, int Status, string? Error)
{
    public bool Ok => Message is not null;

    public static MessageOutcome Done(Message message) => new(message, 200, null);

    public static MessageOutcome NotFound() => new(null, 404, null);

    public static MessageOutcome Conflict(string error) => new(null, 409, error);

    public static MessageOutcome Invalid(string error) => new(null, 422, error);
}

/// <summary>
/// Conversations of an enrolment and their messages: get-or-create per kind, write (notifying the other side in the
/// same transaction), correct until read, mark read. Callers decide who may see the conversation (the patient's current
/// enrolment, or <c>EnrolmentAccessGuard</c> for staff); this class only checks authorship.
/// </summary>
public sealed class ConversationService(MessagingDbContext db, SharedDbConnection connection, IPatientNotifier patientNotifier,
    IStaffNotifier staffNotifier, IStaffDirectory staff, TimeProvider clock)
{
    public const string AlreadyRead = "Meddelandet har redan lästs och kan inte ändras.";
    public const string ChangedMeanwhile = "Meddelandet har ändrats under tiden. Läs in sidan igen.";
    public const string EndedProgram = "Programmet är avslutat. Meddelandena kan läsas men inga nya kan skickas.";

    public Task<Conversation?> FindAsync(Guid enrolmentId, ConversationKind kind, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.EnrolmentId == enrolmentId && c.Kind == kind, cancellationToken);

    /// <summary>The enrolment's conversation of <paramref name="kind"/>; the unique index decides when two requests create it at once.</summary>
    public async Task<Conversation> GetOrCreateAsync(ProgramEnrolment enrolment, ConversationKind kind, CancellationToken cancellationToken)
    {
        if (await FindAsync(enrolment.Id, kind, cancellationToken) is { } existing)
        {
            return existing;
        }

        var conversation = new Conversation
        {
            Id = Guid.NewGuid(), EnrolmentId = enrolment.Id, CareUnitId = enrolment.CareUnitId, PatientId = enrolment.PatientId, Kind = kind,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(conversation).State = EntityState.Detached;
            return conversation;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await FindAsync(enrolment.Id, kind, cancellationToken)
                ?? throw new InvalidOperationException("The conversation could neither be created nor found.");
        }
    }

    /// <summary>The conversation's messages, oldest first (the page shows the newest at the bottom).</summary>
    public async Task<IReadOnlyList<Message>> MessagesAsync(Guid conversationId, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Writes a message and queues the other side's notification in the same transaction (key <c>message:{id}</c>):
    /// a staff message tells the patient; a patient message tells the responsible clinician (care team) or the unit's
    /// clinicians (unit mailbox). Nothing is written when the enrolment no longer gives access (409).
    /// </summary>
    public async Task<MessageOutcome> PostAsync(ProgramEnrolment enrolment, ConversationKind kind, MessageAuthor author, Guid authorUserId,
        string authorName, string? body, MessageReference? reference, CancellationToken cancellationToken)
    {
        if (!enrolment.GivesAccess)
        {
            return MessageOutcome.Conflict(EndedProgram);
        }

        var (text, error) = MessageText.Normalize(body);
        if (text is null)
        {
            return MessageOutcome.Invalid(error!);
        }

        var conversation = await GetOrCreateAsync(enrolment, kind, cancellationToken);
        // Look up recipients before the transaction: the staff directory belongs to another module.
        IReadOnlyCollection<Guid> staffToTell = author == MessageAuthor.Patient
            ? StaffToTell(kind, enrolment.ClinicianId, await staff.InUnitAsync(enrolment.CareUnitId, Roles.Clinician, cancellationToken))
            : [];
        var now = clock.GetUtcNow().UtcDateTime;
        if (conversation.LastMessageUtc is { } last && now < last.AddMilliseconds(1))
        {
            // Two messages on one clock reading (a coarse or frozen clock; PostgreSQL keeps microseconds only) would come
            // out in any order: keep them in turn, a millisecond apart.
            now = last.AddMilliseconds(1);
        }

        var message = new Message
        {
            Id = Guid.NewGuid(), ConversationId = conversation.Id, Author = author, AuthorUserId = authorUserId,
            AuthorName = author == MessageAuthor.Staff ? Truncate(authorName, 200) : string.Empty, Body = text,
            ReferenceKind = reference?.Kind ?? MessageReferenceKind.None, ReferenceId = reference?.Id,
            ReferenceTitle = reference is null ? null : Truncate(reference.Title, 300), CreatedUtc = now, Version = Guid.NewGuid(),
        };

        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            db.Messages.Add(message);
            await db.Conversations.Where(c => c.Id == conversation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMessageUtc, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var key = $"message:{message.Id:N}";
            if (author == MessageAuthor.Staff)
            {
                await patientNotifier.NotifyAsync(new PatientNotification(enrolment.Id, NotificationKinds.NewMessage, key), cancellationToken);
            }
            else if (staffToTell.Count > 0)
            {
                await staffNotifier.NewPatientMessageAsync(staffToTell, key, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        db.Entry(message).State = EntityState.Detached;
        return MessageOutcome.Done(message);
    }

    /// <summary>
    /// Corrects the author's own message in <paramref name="conversationId"/> while nobody on the other side has read it.
    /// Someone else's message, or one of another conversation, is not found; read or changed meanwhile is 409.
    /// </summary>
    public async Task<MessageOutcome> EditAsync(Guid conversationId, Guid messageId, Guid authorUserId, string? body, Guid version,
        CancellationToken cancellationToken)
    {
        var message = await db.Messages.FirstOrDefaultAsync(
            m => m.Id == messageId && m.ConversationId == conversationId && m.AuthorUserId == authorUserId, cancellationToken);
        if (message is null)
        {
            return MessageOutcome.NotFound();
        }

        if (message.ReadByRecipientUtc is not null)
        {
            return MessageOutcome.Conflict(AlreadyRead);
        }

        if (message.Version != version)
        {
            return MessageOutcome.Conflict(ChangedMeanwhile);
        }

        var (text, error) = MessageText.Normalize(body);
        if (text is null)
        {
            return MessageOutcome.Invalid(error!);
        }

        message.Body = text;
        message.EditedUtc = clock.GetUtcNow().UtcDateTime;
        message.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Read (or changed in another tab) between loading and saving: marking read changes the version too.
            db.ChangeTracker.Clear();
            var now = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == messageId, cancellationToken);
            return MessageOutcome.Conflict(now.ReadByRecipientUtc is null ? ChangedMeanwhile : AlreadyRead);
        }

        db.Entry(message).State = EntityState.Detached;
        return MessageOutcome.Done(message);
    }

    /// <summary>
    /// The reader has seen the conversation: the other side's unread messages become read (and fixed), and the reader's
    /// own marker moves to now. Returns how many messages were newly read.
    /// </summary>
    public async Task<int> MarkReadAsync(Guid conversationId, MessageAuthor reader, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var other = reader == MessageAuthor.Patient ? MessageAuthor.Staff : MessageAuthor.Patient;
        var stamp = Guid.NewGuid();
        var read = await db.Messages.Where(m => m.ConversationId == conversationId && m.Author == other && m.ReadByRecipientUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadByRecipientUtc, now).SetProperty(m => m.Version, stamp), cancellationToken);
        var marker = await db.ReadMarkers.FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.UserId == userId, cancellationToken);
        if (marker is null)
        {
            db.ReadMarkers.Add(new ReadMarker { ConversationId = conversationId, UserId = userId, ReadUntilUtc = now });
        }
        else
        {
            marker.ReadUntilUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader in two tabs: the other request wrote the marker; it says the same.
            db.ChangeTracker.Clear();
        }

        return read;
    }

    /// <summary>Staff messages the patient has not read yet, per conversation kind, in the enrolment's conversations.</summary>
    public async Task<IReadOnlyDictionary<ConversationKind, int>> UnreadForPatientAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        await (from m in db.Messages.AsNoTracking()
               join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
               where c.EnrolmentId == enrolmentId && m.Author == MessageAuthor.Staff && m.ReadByRecipientUtc == null
               group m by c.Kind into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>
    /// Who hears of a patient's message: the responsible clinician for the care team, unless they are no longer an
    /// active clinician of the unit (left, blocked, moved); then, like the unit mailbox, every clinician of the unit,
    /// so that the message is not left unseen.
    /// </summary>
    private static List<Guid> StaffToTell(ConversationKind kind, Guid responsible, IReadOnlyList<StaffMember> unitClinicians) =>
        kind == ConversationKind.CareTeam && unitClinicians.Any(c => c.Id == responsible)
            ? [responsible]
            : unitClinicians.Select(c => c.Id).ToList();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
