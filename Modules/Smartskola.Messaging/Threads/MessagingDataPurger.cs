using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Patients;
using Smartskola.Messaging.Data;

namespace Smartskola.Messaging.Threads;

/// <summary>Gallring: the patient's conversations go with their messages and everyone's read markers in them.</summary>
public sealed class MessagingDataPurger(MessagingDbContext db) : IPatientDataPurger
{
    public async Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        var conversations = db.Conversations.Where(c => c.PatientId == patientId).Select(c => c.Id);
        await db.ReadMarkers.Where(m => conversations.Contains(m.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.Where(m => conversations.Contains(m.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Conversations.Where(c => c.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
    }
}
