using Smartskola.Core.Accounts;
using Smartskola.Core.Patients;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>Gallring removes the patient's sign-in account too.</summary>
public sealed class AccountPurger(IPatientAccounts accounts) : IPatientDataPurger
{
    public async Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is { } id)
        {
            await accounts.EraseAsync(id, cancellationToken);
        }
    }
}
