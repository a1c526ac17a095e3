using Microsoft.EntityFrameworkCore;

namespace Smartskola.Core.Mail;

/// <summary>
/// Stopping outbox rows that must not be sent any more (a guard said no, gallring): like a given-up row, but nobody
/// failed. The reason is kept as <c>Stopped(reason)</c> in <see cref="OutboxMail.LastError"/>; the address and text are not.
/// </summary>
public static class OutboxStops
{
    public const string Prefix = "Stopped(";

    public static Task<int> StopAsync(this IQueryable<OutboxMail> rows, string reason, DateTime nowUtc, CancellationToken cancellationToken) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.FailedUtc, nowUtc)
            .SetProperty(m => m.LastError, $"{Prefix}{reason})")
            .SetProperty(m => m.To, string.Empty)
            .SetProperty(m => m.Body, string.Empty)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);

    /// <summary>The reason a row was stopped (e.g. <c>NotActive</c>), or null if it was not.</summary>
    public static string? ReasonOf(string? lastError) =>
        lastError is not null && lastError.StartsWith(Prefix, StringComparison.Ordinal) ? lastError[Prefix.Length..].TrimEnd(')') : null;
}
