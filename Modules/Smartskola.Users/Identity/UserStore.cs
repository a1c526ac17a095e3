using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>
/// ASP.NET Core Identity's user store on our own DbContext (the EF Core store package does not restore here).
/// Like Identity's EF store: changes to claims, roles, logins and tokens are saved by the next Create/Update.
/// </summary>
public sealed class UserStore(UsersDbContext db, IdentityErrorDescriber describer)
    : UserStoreBase<User, Role, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>,
        IdentityUserToken<Guid>, IdentityRoleClaim<Guid>>(describer)
{
    public override IQueryable<User> Users => db.Users;

    public override async Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return IdentityResult.Success;
        }
        catch (DbUpdateException)
        {
            // Lost a race with another request creating the same account (unique user name).
            db.Entry(user).State = EntityState.Detached;
            return IdentityResult.Failed(ErrorDescriber.DuplicateEmail(user.Email ?? string.Empty));
        }
    }

    public override async Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        if (db.Entry(user).State == EntityState.Detached)
        {
            db.Users.Attach(user);
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Users.Update(user);
        return await SaveAsync(cancellationToken);
    }

    public override async Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        db.Users.Remove(user);
        return await SaveAsync(cancellationToken);
    }

    public override Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Guid.TryParse(userId, out var id)
            ? db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            : Task.FromResult<User?>(null);

    public override Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);

    public override Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);

    protected override Task<User?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);

    protected override Task<IdentityUserLogin<Guid>?> FindUserLoginAsync(Guid userId, string loginProvider,
        string providerKey, CancellationToken cancellationToken) =>
        db.UserLogins.FirstOrDefaultAsync(
            l => l.UserId == userId && l.LoginProvider == loginProvider && l.ProviderKey == providerKey, cancellationToken);

    protected override Task<IdentityUserLogin<Guid>?> FindUserLoginAsync(string loginProvider, string providerKey,
        CancellationToken cancellationToken) =>
        db.UserLogins.FirstOrDefaultAsync(l => l.LoginProvider == loginProvider && l.ProviderKey == providerKey,
            cancellationToken);

    public override async Task<IList<Claim>> GetClaimsAsync(User user, CancellationToken cancellationToken = default) =>
        await db.UserClaims.Where(c => c.UserId == user.Id).Select(c => c.ToClaim()).ToListAsync(cancellationToken);

    public override Task AddClaimsAsync(User user, IEnumerable<Claim> claims, CancellationToken cancellationToken = default)
    {
        foreach (var claim in claims)
        {
            db.UserClaims.Add(CreateUserClaim(user, claim));
        }

        return Task.CompletedTask;
    }

    public override async Task ReplaceClaimAsync(User user, Claim claim, Claim newClaim,
        CancellationToken cancellationToken = default)
    {
        var matches = await MatchingClaims(user, claim).ToListAsync(cancellationToken);
        foreach (var match in matches)
        {
            match.ClaimType = newClaim.Type;
            match.ClaimValue = newClaim.Value;
        }
    }

    public override async Task RemoveClaimsAsync(User user, IEnumerable<Claim> claims,
        CancellationToken cancellationToken = default)
    {
        foreach (var claim in claims)
        {
            db.UserClaims.RemoveRange(await MatchingClaims(user, claim).ToListAsync(cancellationToken));
        }
    }

    public override async Task<IList<User>> GetUsersForClaimAsync(Claim claim, CancellationToken cancellationToken = default) =>
        await db.UserClaims.Where(c => c.ClaimType == claim.Type && c.ClaimValue == claim.Value)
            .Join(db.Users, c => c.UserId, u => u.Id, (_, u) => u)
            .ToListAsync(cancellationToken);

    public override Task AddLoginAsync(User user, UserLoginInfo login, CancellationToken cancellationToken = default)
    {
        db.UserLogins.Add(CreateUserLogin(user, login));
        return Task.CompletedTask;
    }

    public override async Task RemoveLoginAsync(User user, string loginProvider, string providerKey,
        CancellationToken cancellationToken = default)
    {
        var entry = await FindUserLoginAsync(user.Id, loginProvider, providerKey, cancellationToken);
        if (entry is not null)
        {
            db.UserLogins.Remove(entry);
        }
    }

    public override async Task<IList<UserLoginInfo>> GetLoginsAsync(User user, CancellationToken cancellationToken = default) =>
        await db.UserLogins.Where(l => l.UserId == user.Id)
            .Select(l => new UserLoginInfo(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName))
            .ToListAsync(cancellationToken);

    protected override Task<IdentityUserToken<Guid>?> FindTokenAsync(User user, string loginProvider, string name,
        CancellationToken cancellationToken) =>
        db.UserTokens.FindAsync([user.Id, loginProvider, name], cancellationToken).AsTask();

    protected override Task AddUserTokenAsync(IdentityUserToken<Guid> token)
    {
        db.UserTokens.Add(token);
        return Task.CompletedTask;
    }

    protected override Task RemoveUserTokenAsync(IdentityUserToken<Guid> token)
    {
        db.UserTokens.Remove(token);
        return Task.CompletedTask;
    }

    protected override Task<Role?> FindRoleAsync(string normalizedRoleName, CancellationToken cancellationToken) =>
        db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == normalizedRoleName, cancellationToken);

    protected override Task<IdentityUserRole<Guid>?> FindUserRoleAsync(Guid userId, Guid roleId,
        CancellationToken cancellationToken) =>
        db.UserRoles.FindAsync([userId, roleId], cancellationToken).AsTask();

    public override async Task AddToRoleAsync(User user, string normalizedRoleName,
        CancellationToken cancellationToken = default)
    {
        var role = await FindRoleAsync(normalizedRoleName, cancellationToken)
            ?? throw new InvalidOperationException($"Role '{normalizedRoleName}' does not exist.");
        db.UserRoles.Add(CreateUserRole(user, role));
    }

    public override async Task RemoveFromRoleAsync(User user, string normalizedRoleName,
        CancellationToken cancellationToken = default)
    {
        var role = await FindRoleAsync(normalizedRoleName, cancellationToken);
        if (role is null)
        {
            return;
        }

        var link = await FindUserRoleAsync(user.Id, role.Id, cancellationToken);
        if (link is not null)
        {
            db.UserRoles.Remove(link);
        }
    }

    public override async Task<IList<string>> GetRolesAsync(User user, CancellationToken cancellationToken = default) =>
        await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);

    public override async Task<bool> IsInRoleAsync(User user, string normalizedRoleName,
        CancellationToken cancellationToken = default)
    {
        var role = await FindRoleAsync(normalizedRoleName, cancellationToken);
        return role is not null && await FindUserRoleAsync(user.Id, role.Id, cancellationToken) is not null;
    }

    public override async Task<IList<User>> GetUsersInRoleAsync(string normalizedRoleName,
        CancellationToken cancellationToken = default) =>
        await db.Roles.Where(r => r.NormalizedName == normalizedRoleName)
            .Join(db.UserRoles, r => r.Id, ur => ur.RoleId, (_, ur) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => u)
            .ToListAsync(cancellationToken);

    private IQueryable<IdentityUserClaim<Guid>> MatchingClaims(User user, Claim claim) =>
        db.UserClaims.Where(c => c.UserId == user.Id && c.ClaimValue == claim.Value && c.ClaimType == claim.Type);

    private Task<IdentityResult> SaveAsync(CancellationToken cancellationToken) =>
        StoreSave.SaveAsync(db, ErrorDescriber, cancellationToken);
}
