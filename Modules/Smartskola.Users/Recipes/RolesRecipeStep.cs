using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Smartskola.Core.Modules;
using Smartskola.Core.Recipes;
using Smartskola.Core.Security;
using Smartskola.Users.Data;

namespace Smartskola.Users.Recipes;

/// <summary>
/// <c>{"name": "roles", "roles": [{"name": "Clinician", "permissions": ["..."]}]}</c>: creates roles and adds grants
/// on top of the modules' defaults.
/// </summary>
public sealed class RolesRecipeStep(RoleManager<Role> roleManager, ModuleCatalog catalog) : IRecipeStep
{
    public string Name => "roles";

    private static readonly string[] TypeActions = ["View", "Edit", "EditOwn", "Publish", "Delete"];

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Validate(step, context).ToList());

    private IEnumerable<string> Validate(JsonElement step, RecipeContext context)
    {
        var errors = new List<string>();
        var known = catalog.Permissions.Select(p => p.Name).ToHashSet();
        // A securable content type's own permissions (Content.{Type}.{Action}) exist only once the type does, so a
        // recipe that declares the type in an earlier contentDefinition step may grant them (the FormDesigner role's
        // Content.Formularmall.* in the default recipe).
        if (context.Declared.TryGetValue("contentDefinition", out var types))
        {
            known.UnionWith(types.SelectMany(type => TypeActions.Select(action => $"Content.{type}.{action}")));
        }

        var roles = RecipeJson.Array(step, "roles", errors);
        for (var i = 0; i < roles.Count; i++)
        {
            RecipeJson.RequiredString(roles[i], "name", $"roles[{i}]", errors);
            foreach (var permission in RecipeJson.StringList(roles[i], "permissions", $"roles[{i}]", errors))
            {
                if (!known.Contains(permission))
                {
                    errors.Add($"roles[{i}].permissions: behörigheten '{permission}' finns inte.");
                }
            }
        }

        return errors;
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        foreach (var item in step.GetProperty("roles").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            var role = await roleManager.FindByNameAsync(name);
            if (role is null)
            {
                role = new Role { Id = Guid.NewGuid(), Name = name };
                Throw(await roleManager.CreateAsync(role), name);
            }

            var existing = (await roleManager.GetClaimsAsync(role))
                .Where(c => c.Type == Permission.ClaimType).Select(c => c.Value).ToHashSet();
            foreach (var permission in RecipeJson.StringList(item, "permissions", name, ignored).Except(existing))
            {
                Throw(await roleManager.AddClaimAsync(role, new Claim(Permission.ClaimType, permission)), name);
            }
        }
    }

    private static void Throw(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new RecipeStepException($"roles: rollen '{role}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
