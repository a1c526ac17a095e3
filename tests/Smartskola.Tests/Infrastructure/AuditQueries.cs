using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.AuditTrail.Data;

namespace Smartskola.Tests.Infrastructure;

public static class AuditQueries
{
    public static Task<List<AuditEntry>> EntriesAsync(this SiteFactory site, string action, string? entityId = null) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && (entityId == null || e.EntityId == entityId))
            .OrderBy(e => e.Sequence).ToListAsync());
}
