using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.AuditTrail.Data;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;

namespace Smartskola.AuditTrail.Services;

/// <summary>
/// Appends to the audit chain in a scope and transaction of its own, so an entry is kept even when the request's
/// own work fails or is rolled back (a refused access is exactly what must be logged). Appends are serialized:
/// an advisory lock on PostgreSQL, an immediate (write-locking) transaction on SQLite, and a unique sequence
/// number as the last line of defence.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopeFactory, IHttpContextAccessor httpContextAccessor,
    TimeProvider clock, AuditChain chain) : IAuditLog
{
    private const long AdvisoryLockKey = 0x5343_4155_4449_54; // "SCAUDIT"
    private const int MaxAttempts = 8;

    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        var user = httpContextAccessor.HttpContext?.User;
        var actorId = auditEvent.ActorUserId ?? user?.UserId();
        var actorName = auditEvent.ActorName ?? (user?.Identity?.IsAuthenticated == true ? user.DisplayName() : null);

        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var shared = scope.ServiceProvider.GetRequiredService<SharedDbConnection>();
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            try
            {
                await using var transaction = await shared.BeginTransactionAsync(cancellationToken);
                if (shared.Provider == DatabaseProvider.Postgres)
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
                }

                var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                var entry = new AuditEntry
                {
                    Sequence = (last?.Sequence ?? 0) + 1,
                    OccurredUtc = AuditChain.Normalize(clock.GetUtcNow().UtcDateTime),
                    ActorUserId = actorId,
                    ActorName = actorName,
                    ActorUnitId = auditEvent.UnitId,
                    Action = auditEvent.Action,
                    EntityType = auditEvent.EntityType,
                    EntityId = auditEvent.EntityId,
                    SubjectPatientId = auditEvent.SubjectPatientId,
                    Outcome = auditEvent.Outcome.ToString(),
                    PreviousHash = last?.Hash ?? AuditChain.Genesis,
                };
                entry.Hash = chain.ComputeHash(entry);
                db.AuditEntries.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another instance took the same sequence number; read the new tail and try again.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }
}
