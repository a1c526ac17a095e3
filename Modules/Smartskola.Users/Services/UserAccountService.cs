using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;
using Smartskola.Users.Data;

namespace Smartskola.Users.Services;

/// <summary>
/// Creates and changes accounts with their roles and care units in one transaction, so an account is never
/// left half-made (e.g. created but without its roles) when a later step fails.
/// </summary>
public sealed class UserAccountService(
    UserManager<User> users,
    UsersDbContext db,
    SharedDbConnection connection,
    IdentityErrorDescriber describer,
    TimeProvider clock)
{
    public sealed record AccountInput(string Email, string DisplayName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<Guid> Units);

    public async Task<(User? User, IReadOnlyList<string> Errors)> CreateAsync(AccountInput input, string password)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = input.Email,
            Email = input.Email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return (null, Describe(result));
        }

        var errors = await ApplyRolesAndUnitsAsync(user, input);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await transaction.CommitAsync();
        return (user, []);
    }

    /// <summary>Saves changes unless someone else saved the account after <paramref name="concurrencyStamp"/> was read.</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(User user, string concurrencyStamp, AccountInput input)
    {
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return [describer.ConcurrencyFailure().Description];
        }

        await using var transaction = await connection.BeginTransactionAsync();
        user.DisplayName = input.DisplayName;
        IReadOnlyList<string> errors = [];
        if (!string.Equals(user.Email, input.Email, StringComparison.OrdinalIgnoreCase))
        {
            // Setting the address unconfirms it and rotates the security stamp: only do that for a real change.
            errors = Describe(await users.SetEmailAsync(user, input.Email));
            if (errors.Count == 0)
            {
                errors = Describe(await users.SetUserNameAsync(user, input.Email));
            }
        }
        else
        {
            errors = Describe(await users.UpdateAsync(user));
        }

        if (errors.Count == 0)
        {
            errors = await ApplyRolesAndUnitsAsync(user, input);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await transaction.CommitAsync();
        return [];
    }

    private async Task<IReadOnlyList<string>> ApplyRolesAndUnitsAsync(User user, AccountInput input)
    {
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, input.Roles.Except(current));
        }

        if (!result.Succeeded)
        {
            return Describe(result);
        }

        var existing = await db.UserCareUnits.Where(m => m.UserId == user.Id).ToListAsync();
        db.UserCareUnits.RemoveRange(existing.Where(m => !input.Units.Contains(m.CareUnitId)));
        foreach (var unit in input.Units.Except(existing.Select(m => m.CareUnitId)))
        {
            db.UserCareUnits.Add(new UserCareUnit { UserId = user.Id, CareUnitId = unit });
        }

        await db.SaveChangesAsync();
        return [];
    }

    private static List<string> Describe(IdentityResult result) => result.Errors.Select(e => e.Description).Distinct().ToList();
}
