using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Smartskola.Users.Identity;

/// <summary>Saving for both Identity stores: a lost race on the concurrency stamp becomes Identity's conflict error.</summary>
internal static class StoreSave
{
    public static async Task<IdentityResult> SaveAsync(DbContext db, IdentityErrorDescriber describer, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return IdentityResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(describer.ConcurrencyFailure());
        }
    }
}
