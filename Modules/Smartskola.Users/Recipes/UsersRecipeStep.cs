using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Recipes;
using Smartskola.Users.Data;

namespace Smartskola.Users.Recipes;

/// <summary>
/// <c>{"name": "users", "users": [{"email", "displayName", "password", "roles": [], "units": ["code"]}]}</c>:
/// demo accounts. Applied only where demo users are switched on (<c>Recipes:DemoUsers</c>, default: in
/// development); elsewhere the step is skipped, so a production site never gets a known password.
/// </summary>
public sealed class UsersRecipeStep(UserManager<User> userManager, RoleManager<Role> roleManager, UsersDbContext db,
    TimeProvider clock) : IRecipeStep
{
    public string Name => "users";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Validate(step, context).ToList());

    private IEnumerable<string> Validate(JsonElement step, RecipeContext context)
    {
        var errors = new List<string>();
        var users = RecipeJson.Array(step, "users", errors);
        for (var i = 0; i < users.Count; i++)
        {
            var where = $"users[{i}]";
            RecipeJson.RequiredString(users[i], "email", where, errors);
            RecipeJson.RequiredString(users[i], "displayName", where, errors);
            RecipeJson.RequiredString(users[i], "password", where, errors);
            RecipeJson.StringList(users[i], "roles", where, errors);
            RecipeJson.StringList(users[i], "units", where, errors);
        }

        return errors;
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (!context.CreateDemoUsers)
        {
            return;
        }

        var ignored = new List<string>();
        var index = -1;
        foreach (var item in step.GetProperty("users").EnumerateArray())
        {
            index++;
            var where = $"users[{index}]"; // Messages name the position, never the address.
            var email = item.GetProperty("email").GetString()!;
            if (await userManager.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new User
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = item.GetProperty("displayName").GetString()!,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await userManager.CreateAsync(user, item.GetProperty("password").GetString()!), where);
            foreach (var role in RecipeJson.StringList(item, "roles", where, ignored))
            {
                if (!await roleManager.RoleExistsAsync(role))
                {
                    throw new RecipeStepException($"users: {where}: rollen '{role}' finns inte.");
                }

                Check(await userManager.AddToRoleAsync(user, role), where);
            }

            foreach (var code in RecipeJson.StringList(item, "units", where, ignored))
            {
                var unit = await db.CareUnits.SingleOrDefaultAsync(u => u.Code == code, cancellationToken)
                    ?? throw new RecipeStepException($"users: {where}: vårdenheten '{code}' finns inte.");
                db.UserCareUnits.Add(new UserCareUnit { UserId = user.Id, CareUnitId = unit.Id });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Check(IdentityResult result, string where)
    {
        if (!result.Succeeded)
        {
            throw new RecipeStepException($"users: {where}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
