using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;

namespace Smartskola.ContentManagement.Items;

/// <summary>
/// Audit entries for content changes. Inside a transaction someone else owns (a recipe import) nothing is written:
/// the audit log uses its own connection, which would wait on the import's write lock, and the recipe runner audits
/// the import as a whole once it has committed.
/// </summary>
public sealed class ContentAudit(IAuditLog audit, SharedDbConnection connection)
{
    public Task WriteAsync(string action, string entityType, string? entityId, CancellationToken cancellationToken = default) =>
        connection.InTransaction
            ? Task.CompletedTask
            : audit.WriteAsync(new AuditEvent(action, entityType, entityId), cancellationToken);
}
