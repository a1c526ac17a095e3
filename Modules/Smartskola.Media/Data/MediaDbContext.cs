using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Media.Data;

public abstract class MediaDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<MediaAsset> Assets => Set<MediaAsset>();

    public DbSet<MediaUsage> Usages => Set<MediaUsage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MediaAsset>(asset =>
        {
            asset.ToTable("MediaAssets");
            asset.HasKey(a => a.Id);
            asset.Property(a => a.Id).HasMaxLength(32);
            asset.Property(a => a.Path).HasMaxLength(300);
            asset.Property(a => a.Folder).HasMaxLength(300);
            asset.Property(a => a.FileName).HasMaxLength(300);
            asset.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            asset.Property(a => a.MimeType).HasMaxLength(100);
            asset.Property(a => a.Sha256).HasMaxLength(64);
            asset.Property(a => a.Codec).HasMaxLength(100);
            asset.Property(a => a.AltText).HasMaxLength(1000);
            asset.Property(a => a.Transcript).HasMaxLength(200_000);
            asset.Property(a => a.CaptionsPath).HasMaxLength(300);
            asset.Property(a => a.UploadedByName).HasMaxLength(200);
            asset.HasIndex(a => a.Path).IsUnique();
            asset.HasIndex(a => new { a.Folder, a.FileName });
            asset.HasIndex(a => a.CaptionsPath);
        });

        modelBuilder.Entity<MediaUsage>(usage =>
        {
            usage.ToTable("MediaUsages");
            usage.HasKey(u => u.Id);
            usage.Property(u => u.AssetPath).HasMaxLength(300);
            usage.Property(u => u.ContentItemId).HasMaxLength(32);
            usage.HasIndex(u => new { u.AssetPath, u.ContentItemId }).IsUnique();
            usage.HasIndex(u => u.ContentItemId);
        });
    }
}

public sealed class MediaSqliteDbContext(DbContextOptions<MediaSqliteDbContext> options) : MediaDbContext(options);

public sealed class MediaPostgresDbContext(DbContextOptions<MediaPostgresDbContext> options) : MediaDbContext(options);

public sealed class MediaSqliteDesignTimeFactory : SqliteDesignTimeFactory<MediaSqliteDbContext>;

public sealed class MediaPostgresDesignTimeFactory : PostgresDesignTimeFactory<MediaPostgresDbContext>;
