using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Recipes.Data;

/// <summary>Which recipes have been applied to this site, so the setup recipe runs exactly once.</summary>
public sealed class RecipeExecution
{
    public long Id { get; set; }

    public string RecipeName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the recipe file as applied.</summary>
    public string ContentHash { get; set; } = string.Empty;

    public bool IsSetup { get; set; }

    public DateTime ExecutedUtc { get; set; }
}

public abstract class RecipesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RecipeExecution> Executions => Set<RecipeExecution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RecipeExecution>(b =>
        {
            b.ToTable("RecipeExecutions");
            b.Property(e => e.RecipeName).HasMaxLength(200);
            b.Property(e => e.ContentHash).HasMaxLength(64);
        });
    }
}

public sealed class RecipesSqliteDbContext(DbContextOptions<RecipesSqliteDbContext> options) : RecipesDbContext(options);

public sealed class RecipesPostgresDbContext(DbContextOptions<RecipesPostgresDbContext> options) : RecipesDbContext(options);

public sealed class RecipesSqliteDesignTimeFactory : SqliteDesignTimeFactory<RecipesSqliteDbContext>;

public sealed class RecipesPostgresDesignTimeFactory : PostgresDesignTimeFactory<RecipesPostgresDbContext>;
