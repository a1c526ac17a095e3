using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.ContentManagement.Data;

public abstract class ContentDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ContentTypeRecord> ContentTypes => Set<ContentTypeRecord>();

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();

    public DbSet<ContentItemVersionRecord> ContentItemVersions => Set<ContentItemVersionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContentTypeRecord>(type =>
        {
            type.ToTable("ContentTypes");
            type.HasKey(t => t.Name);
            type.Property(t => t.Name).HasMaxLength(64);
            type.Property(t => t.DisplayName).HasMaxLength(200);
            type.Property(t => t.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(i => i.ContentItemId);
            item.Property(i => i.ContentItemId).HasMaxLength(32);
            item.Property(i => i.ContentType).HasMaxLength(64);
            item.Property(i => i.DisplayText).HasMaxLength(300);
            item.Property(i => i.PublishedDisplayText).HasMaxLength(300);
            item.Property(i => i.Slug).HasMaxLength(100);
            item.Property(i => i.PublishedSlug).HasMaxLength(100);
            item.Property(i => i.ContainerId).HasMaxLength(32);
            item.Property(i => i.ContainerKey).HasMaxLength(32);
            item.Property(i => i.OwnerName).HasMaxLength(200);
            item.HasIndex(i => new { i.ContentType, i.ModifiedUtc });
            item.HasIndex(i => new { i.ContainerKey, i.Order });
            // Slugs are unique among siblings, for the draft and for the published version alike.
            item.HasIndex(i => new { i.ContainerKey, i.Slug }).IsUnique().HasFilter("\"Slug\" IS NOT NULL");
            item.HasIndex(i => new { i.ContainerKey, i.PublishedSlug }).IsUnique()
                .HasFilter("\"PublishedSlug\" IS NOT NULL");
            item.HasMany<ContentItemVersionRecord>().WithOne().HasForeignKey(v => v.ContentItemId)
                .OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ContentItemVersionRecord>(version =>
        {
            version.ToTable("ContentItemVersions");
            version.HasKey(v => v.Id);
            version.Property(v => v.ContentItemId).HasMaxLength(32);
            version.Property(v => v.ContentItemVersionId).HasMaxLength(32);
            version.Property(v => v.ContentType).HasMaxLength(64);
            version.Property(v => v.AuthorName).HasMaxLength(200);
            version.Property(v => v.OwnerName).HasMaxLength(200);
            version.Property(v => v.Note).HasMaxLength(300);
            version.HasIndex(v => v.ContentItemVersionId).IsUnique();
            version.HasIndex(v => new { v.ContentItemId, v.VersionNumber }).IsUnique();
            // The database, not only the code, allows one latest and at most one published version per item.
            // A bare boolean column is a valid predicate on both SQLite and PostgreSQL.
            version.HasIndex(v => v.ContentItemId, "IX_ContentItemVersions_OneLatest").IsUnique().HasFilter("\"Latest\"");
            version.HasIndex(v => v.ContentItemId, "IX_ContentItemVersions_OnePublished").IsUnique().HasFilter("\"Published\"");
        });
    }
}

public sealed class ContentSqliteDbContext(DbContextOptions<ContentSqliteDbContext> options) : ContentDbContext(options);

public sealed class ContentPostgresDbContext(DbContextOptions<ContentPostgresDbContext> options) : ContentDbContext(options);

public sealed class ContentSqliteDesignTimeFactory : SqliteDesignTimeFactory<ContentSqliteDbContext>;

public sealed class ContentPostgresDesignTimeFactory : PostgresDesignTimeFactory<ContentPostgresDbContext>;
