using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Core.Leases;

/// <summary>
/// A time-limited, named lock held in the database, so that background work runs on one instance at a time.
/// Acquiring is a single conditional UPDATE (or INSERT for a new name), atomic on both SQLite and PostgreSQL.
/// </summary>
public interface ILeaseService
{
    /// <summary>The identity this process holds leases under.</summary>
    string InstanceId { get; }

    Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string name, CancellationToken cancellationToken = default);
}

public sealed class LeaseService(CoreDbContext db, TimeProvider clock, LeaseHolderIdentity identity) : ILeaseService
{
    public string InstanceId => identity.Value;

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var holder = identity.Value;
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.ExpiresUtc < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresUtc, expires),
                cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresUtc = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the same name between our check and our insert: it holds the lease.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var holder = identity.Value;
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>One per process: identifies this instance as a lease holder.</summary>
public sealed class LeaseHolderIdentity
{
    public string Value { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
