using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Search.Data;

public enum SearchScope
{
    /// <summary>The published version: what patients may find.</summary>
    Published = 0,

    /// <summary>The latest version, drafts included: what editors find.</summary>
    Latest = 1,
}

/// <summary>
/// One searchable version of a content item. SQLite indexes <see cref="TitleTerms"/> and <see cref="Terms"/>
/// (Swedish stems computed in .NET) in the FTS5 table <c>SearchFts</c>, kept in step by triggers; PostgreSQL
/// indexes a generated <c>tsvector</c> column with the <c>swedish</c> configuration. Both are created in the
/// migrations, because EF Core cannot model them.
/// </summary>
public sealed class SearchDocument
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = string.Empty;

    public SearchScope Scope { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string TitleTerms { get; set; } = string.Empty;

    public string Terms { get; set; } = string.Empty;

    public DateTime IndexedUtc { get; set; }
}

public abstract class SearchDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SearchDocument> Documents => Set<SearchDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SearchDocument>(document =>
        {
            document.ToTable("SearchDocuments");
            document.HasKey(d => d.Id);
            document.Property(d => d.ContentItemId).HasMaxLength(32);
            document.Property(d => d.ContentType).HasMaxLength(64);
            document.Property(d => d.Title).HasMaxLength(300);
            document.HasIndex(d => new { d.ContentItemId, d.Scope }).IsUnique();
        });
}

public sealed class SearchSqliteDbContext(DbContextOptions<SearchSqliteDbContext> options) : SearchDbContext(options);

public sealed class SearchPostgresDbContext(DbContextOptions<SearchPostgresDbContext> options) : SearchDbContext(options);

public sealed class SearchSqliteDesignTimeFactory : SqliteDesignTimeFactory<SearchSqliteDbContext>;

public sealed class SearchPostgresDesignTimeFactory : PostgresDesignTimeFactory<SearchPostgresDbContext>;
