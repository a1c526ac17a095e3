namespace Smartskola.Core.Patients;

/// <summary>
/// Removes a module's personal data about one patient when the patient's last enrolment is purged (gallring).
/// Modules that keep data about patients register an implementation (<c>AddScoped&lt;IPatientDataPurger, …&gt;</c>);
/// every registered one is called.
/// </summary>
/// <remarks>
/// Called inside the purge's database transaction, in the job's DI scope: write through the scope's own module
/// DbContexts (they share the scope's connection and so join the transaction), never through a connection of your
/// own (on SQLite that would wait for the transaction's write lock). Throwing rolls the whole purge back; it is
/// tried again on the next run, so an implementation must be idempotent. Never log names or personnummer.
/// </remarks>
public interface IPatientDataPurger
{
    /// <param name="patientId">The patient record's id (kept after the purge, for statistics and audit references).</param>
    /// <param name="userId">The patient's sign-in account, if they ever accepted an invitation.</param>
    Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken);
}
