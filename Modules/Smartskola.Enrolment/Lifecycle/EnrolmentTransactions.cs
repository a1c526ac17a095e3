using Microsoft.Extensions.Logging;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Runs one job's work for one enrolment in a transaction of its own, so a failure leaves that enrolment as it was
/// (to be tried again on the next run) and the other enrolments are still handled.
/// </summary>
public sealed class EnrolmentTransactions(EnrolmentDbContext db, SharedDbConnection connection, ILogger<EnrolmentTransactions> logger)
{
    /// <returns>What <paramref name="work"/> counted (committed), or null when it failed and was rolled back.</returns>
    public async Task<int?> RunAsync(string job, Guid enrolmentId, Func<Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
            var count = await work();
            await transaction.CommitAsync(cancellationToken);
            return count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Forget what was added but not saved, so the next enrolment does not save it. Ids only: no personal data.
            db.ChangeTracker.Clear();
            logger.LogError(exception, "Lifecycle job {Job} failed for enrolment {EnrolmentId}; it is tried again on the next run.",
                job, enrolmentId);
            return null;
        }
    }
}
