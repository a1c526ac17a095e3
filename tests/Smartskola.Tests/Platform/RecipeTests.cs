using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Recipes.Data;
using Smartskola.Recipes.Services;
using Smartskola.Core.Recipes;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Platform;

public abstract class RecipeTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private Task RunAsync(string json) =>
        site.Services.GetRequiredService<RecipeRunner>().RunAsync(Encoding.UTF8.GetBytes(json), AppContext.BaseDirectory, isSetup: false);

    private Task<bool> UnitExistsAsync(string code) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<UsersDbContext>().CareUnits.AnyAsync(u => u.Code == code));

    [Fact]
    public async Task The_setup_recipe_ran_once_and_created_units_and_demo_users()
    {
        var setups = await site.WithScopeAsync(sp => sp.GetRequiredService<RecipesDbContext>().Executions.CountAsync(e => e.IsSetup));
        Assert.Equal(1, setups);
        Assert.True(await UnitExistsAsync(DemoUsers.UnitNorth));
        Assert.True(await UnitExistsAsync(DemoUsers.UnitEast));
    }

    [Fact]
    public async Task An_invalid_recipe_is_rejected_whole_with_messages_naming_step_and_field()
    {
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => RunAsync("""
            { "name": "trasigt", "steps": [
              { "name": "units", "units": [ { "code": "ny-enhet-1", "name": "Ny enhet" } ] },
              { "name": "users", "users": [ { "displayName": "Utan e-post", "password": "x" } ] },
              { "name": "finns-inte" }
            ] }
            """));

        Assert.Contains("steps[1] (users): users[0]: 'email' saknas eller är tomt.", error.Errors);
        Assert.Contains("steps[2]: okänt steg 'finns-inte'.", error.Errors);
        Assert.False(await UnitExistsAsync("ny-enhet-1"));
    }

    [Fact]
    public async Task A_step_failing_while_running_rolls_back_every_earlier_step()
    {
        await Assert.ThrowsAsync<RecipeStepException>(() => RunAsync("""
            { "name": "halvt", "steps": [
              { "name": "units", "units": [ { "code": "ny-enhet-2", "name": "Ny enhet 2" } ] },
              { "name": "users", "users": [ { "email": "ny@test.se", "displayName": "Ny", "password": "Ett-langt-losen-99", "units": ["saknas"] } ] }
            ] }
            """));

        Assert.False(await UnitExistsAsync("ny-enhet-2"));
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<UsersDbContext>().Users.AnyAsync(u => u.Email == "ny@test.se")));
    }

    [Fact]
    public async Task A_valid_recipe_can_be_applied_twice_without_duplicates()
    {
        const string recipe = """
            { "name": "enheter", "steps": [ { "name": "units", "units": [ { "code": "ny-enhet-3", "name": "Enhet tre" } ] } ] }
            """;
        await RunAsync(recipe);
        await RunAsync(recipe);

        var count = await site.WithScopeAsync(sp => sp.GetRequiredService<UsersDbContext>().CareUnits.CountAsync(u => u.Code == "ny-enhet-3"));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Malformed_json_gets_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => RunAsync("{ \"steps\": [ "));
        Assert.Contains("inte giltig JSON", error.Errors.Single());
    }
}

public sealed class RecipeTestsSqlite(SqliteSite site) : RecipeTests<SqliteSite>(site);

public sealed class RecipeTestsPostgres(PostgresSite site) : RecipeTests<PostgresSite>(site);
