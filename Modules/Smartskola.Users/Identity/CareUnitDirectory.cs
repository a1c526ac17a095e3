using Microsoft.EntityFrameworkCore;
using Smartskola.Core.CareUnits;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

public sealed class CareUnitDirectory(UsersDbContext db) : ICareUnitDirectory
{
    public async Task<IReadOnlyList<CareUnitInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.CareUnits.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new CareUnitInfo(u.Id, u.Code, u.Name))
            .ToListAsync(cancellationToken);
}
