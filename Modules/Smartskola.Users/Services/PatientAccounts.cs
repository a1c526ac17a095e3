using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Services;

/// <summary><see cref="IPatientAccounts"/> on ASP.NET Core Identity; joins the caller's transaction.</summary>
public sealed class PatientAccounts(
    UserManager<User> users,
    SignInManager<User> signIn,
    UsersDbContext db,
    SharedDbConnection connection,
    TimeProvider clock) : IPatientAccounts
{
    public async Task<PatientAccountResult> CreateAsync(string email, string displayName, string password,
        CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Patient);
        }

        if (!result.Succeeded)
        {
            // An owned transaction rolls back on dispose; a joined one is the caller's to roll back.
            return new PatientAccountResult(null, result.Errors.Select(e => e.Description).Distinct().ToList());
        }

        await transaction.CommitAsync(cancellationToken);
        return new PatientAccountResult(user.Id, []);
    }

    public async Task SignInAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString())
            ?? throw new InvalidOperationException("No account with that id.");
        await signIn.SignInAsync(user, isPersistent: false);
    }

    public async Task<bool> ExistsAsync(string email) => await users.FindByEmailAsync(email.Trim()) is not null;

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        await db.UserCareUnits.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear(); // a tracked copy of the deleted user must not be saved back
    }

    public Task<string?> DisplayNameAsync(Guid userId) =>
        db.Users.Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).SingleOrDefaultAsync();
}
