using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>
/// Password sign-in that keeps the lockout honest and does not reveal which addresses have accounts.
/// Attempts for one account are serialized (a row lock on PostgreSQL; SQLite transactions take the write lock at
/// BEGIN), so parallel guesses cannot all be checked before the failed-attempt counter catches up. An unknown
/// address costs a password hash like a known one, so response times do not tell who is enrolled.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<User> signInManager,
    SharedDbConnection connection,
    UsersDbContext db,
    IPasswordHasher<User> hasher)
{
    private static readonly User TimingDummy = new();
    private static string? _dummyHash;

    public async Task<(User? User, SignInResult Result)> SignInAsync(string email, string password)
    {
        var users = signInManager.UserManager;
        var normalized = users.NormalizeEmail(email.Trim());
        await using var transaction = await connection.BeginTransactionAsync();
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Users\" WHERE \"NormalizedEmail\" = {normalized} FOR UPDATE");
        }

        // Read only after the lock, so the failed-attempt count is the committed one.
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            _dummyHash ??= hasher.HashPassword(TimingDummy, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(TimingDummy, _dummyHash, password);
            return (null, SignInResult.Failed);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        await transaction.CommitAsync();
        return (user, result);
    }
}
