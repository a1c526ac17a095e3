namespace Smartskola.Core.Accounts;

/// <summary>The outcome of creating a patient account: the new user's id, or Swedish messages saying why not.</summary>
public sealed record PatientAccountResult(Guid? UserId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => UserId is not null;
}

/// <summary>
/// Patient accounts for modules that do not reference the Users module (enrolment). Every write joins a
/// transaction open on the scope's shared connection (<c>SharedDbConnection.BeginOrJoinTransactionAsync</c>), so
/// the caller can create the account and record its own data in one transaction. Implemented by Users.
/// </summary>
public interface IPatientAccounts
{
    /// <summary>
    /// Creates an account in the role Patient with a confirmed e-mail address. Fails with Identity's Swedish
    /// messages (password policy, "Det finns redan ett konto med den e-postadressen.").
    /// </summary>
    Task<PatientAccountResult> CreateAsync(string email, string displayName, string password, CancellationToken cancellationToken = default);

    /// <summary>Signs the current request's user in as <paramref name="userId"/> (the application cookie).</summary>
    Task SignInAsync(Guid userId);

    Task<bool> ExistsAsync(string email);

    /// <summary>Deletes the account with its roles, claims, logins, tokens and unit memberships (purging personal data).</summary>
    Task EraseAsync(Guid userId, CancellationToken cancellationToken = default);

    Task<string?> DisplayNameAsync(Guid userId);
}
