using Smartskola.Core.Persistence;

namespace Smartskola.Tests.Infrastructure;

/// <summary>A site whose setup recipe does nothing: migrated tables and no data, for import tests.</summary>
public abstract class EmptySite(DatabaseProvider provider) : SiteFactory(provider)
{
    private static readonly string EmptyRecipe = WriteEmptyRecipe();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Recipes:SetupRecipe"] = EmptyRecipe };

    private static string WriteEmptyRecipe()
    {
        var path = Path.Combine(Path.GetTempPath(), "smartskola-tests", "empty.recipe.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{"name": "tom", "steps": []}""");
        return path;
    }
}

public sealed class EmptySqliteSite() : EmptySite(DatabaseProvider.Sqlite);

public sealed class EmptyPostgresSite() : EmptySite(DatabaseProvider.Postgres);
