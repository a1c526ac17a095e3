using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>Identity's role store on our DbContext. Role claims of type "permission" are the role's grants.</summary>
public sealed class RoleStore(UsersDbContext db, IdentityErrorDescriber describer)
    : RoleStoreBase<Role, Guid, IdentityUserRole<Guid>, IdentityRoleClaim<Guid>>(describer)
{
    public override IQueryable<Role> Roles => db.Roles;

    public override async Task<IdentityResult> CreateAsync(Role role, CancellationToken cancellationToken = default)
    {
        db.Roles.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public override async Task<IdentityResult> UpdateAsync(Role role, CancellationToken cancellationToken = default)
    {
        if (db.Entry(role).State == EntityState.Detached)
        {
            db.Roles.Attach(role);
        }

        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Roles.Update(role);
        return await SaveAsync(cancellationToken);
    }

    public override async Task<IdentityResult> DeleteAsync(Role role, CancellationToken cancellationToken = default)
    {
        db.Roles.Remove(role);
        return await SaveAsync(cancellationToken);
    }

    public override Task<Role?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        Guid.TryParse(id, out var roleId)
            ? db.Roles.FirstOrDefaultAsync(r => r.Id == roleId, cancellationToken)
            : Task.FromResult<Role?>(null);

    public override Task<Role?> FindByNameAsync(string normalizedName, CancellationToken cancellationToken = default) =>
        db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalizedName, cancellationToken);

    public override async Task<IList<Claim>> GetClaimsAsync(Role role, CancellationToken cancellationToken = default) =>
        await db.RoleClaims.Where(c => c.RoleId == role.Id)
            .Select(c => new Claim(c.ClaimType!, c.ClaimValue!))
            .ToListAsync(cancellationToken);

    public override Task AddClaimAsync(Role role, Claim claim, CancellationToken cancellationToken = default)
    {
        db.RoleClaims.Add(CreateRoleClaim(role, claim));
        return Task.CompletedTask;
    }

    public override async Task RemoveClaimAsync(Role role, Claim claim, CancellationToken cancellationToken = default)
    {
        var matches = await db.RoleClaims
            .Where(c => c.RoleId == role.Id && c.ClaimValue == claim.Value && c.ClaimType == claim.Type)
            .ToListAsync(cancellationToken);
        db.RoleClaims.RemoveRange(matches);
    }

    private Task<IdentityResult> SaveAsync(CancellationToken cancellationToken) =>
        StoreSave.SaveAsync(db, ErrorDescriber, cancellationToken);
}
