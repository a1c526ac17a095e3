using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>
/// Adds the display name and one claim per care unit to the sign-in cookie. Roles and their permission claims
/// come from Identity's base factory (role claims).
/// </summary>
public sealed class SmartskolaClaimsPrincipalFactory(
    UserManager<User> userManager,
    RoleManager<Role> roleManager,
    IOptions<IdentityOptions> options,
    UsersDbContext db)
    : UserClaimsPrincipalFactory<User, Role>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SmartskolaClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(TwoFactorEnforcementMiddleware.ClaimType, user.TwoFactorEnabled ? "true" : "false"));
        var units = await db.UserCareUnits.Where(m => m.UserId == user.Id).Select(m => m.CareUnitId).ToListAsync();
        foreach (var unit in units)
        {
            identity.AddClaim(new Claim(SmartskolaClaims.CareUnit, unit.ToString()));
        }

        return identity;
    }
}
