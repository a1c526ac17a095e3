using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Recipes;
using Smartskola.Users.Data;

namespace Smartskola.Users.Recipes;

/// <summary><c>{"name": "units", "units": [{"code": "...", "name": "..."}]}</c>: creates or renames units by code.</summary>
public sealed class UnitsRecipeStep(UsersDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "units";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Validate(step, context).ToList());

    private IEnumerable<string> Validate(JsonElement step, RecipeContext context)
    {
        var errors = new List<string>();
        var units = RecipeJson.Array(step, "units", errors);
        for (var i = 0; i < units.Count; i++)
        {
            if (RecipeJson.RequiredString(units[i], "code", $"units[{i}]", errors).Length > 64)
            {
                errors.Add($"units[{i}]: 'code' får vara högst 64 tecken.");
            }

            if (RecipeJson.RequiredString(units[i], "name", $"units[{i}]", errors).Length > 200)
            {
                errors.Add($"units[{i}]: 'name' får vara högst 200 tecken.");
            }
        }

        var duplicate = units.Select(u => RecipeJson.OptionalString(u, "code")).Where(c => c is not null)
            .GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add($"units: koden '{duplicate.Key}' förekommer flera gånger.");
        }

        return errors;
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var item in step.GetProperty("units").EnumerateArray())
        {
            var code = item.GetProperty("code").GetString()!;
            var name = item.GetProperty("name").GetString()!;
            var unit = await db.CareUnits.SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
            if (unit is null)
            {
                db.CareUnits.Add(new CareUnit
                {
                    Id = Guid.NewGuid(), Code = code, Name = name, CreatedUtc = clock.GetUtcNow().UtcDateTime,
                });
            }
            else
            {
                unit.Name = name;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
