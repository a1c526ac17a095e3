using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Curriculum.Data;

/// <summary>Which sections a patient has opened: the basis of module states and the progress bar.</summary>
public sealed class SectionRead
{
    public Guid UserId { get; set; }

    public string SectionId { get; set; } = string.Empty;

    public DateTime FirstReadUtc { get; set; }
}

public abstract class CurriculumDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SectionRead> SectionReads => Set<SectionRead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SectionRead>(read =>
        {
            read.ToTable("CurriculumSectionReads");
            read.HasKey(r => new { r.UserId, r.SectionId });
            read.Property(r => r.SectionId).HasMaxLength(32);
        });
}

public sealed class CurriculumSqliteDbContext(DbContextOptions<CurriculumSqliteDbContext> options) : CurriculumDbContext(options);

public sealed class CurriculumPostgresDbContext(DbContextOptions<CurriculumPostgresDbContext> options) : CurriculumDbContext(options);

public sealed class CurriculumSqliteDesignTimeFactory : SqliteDesignTimeFactory<CurriculumSqliteDbContext>;

public sealed class CurriculumPostgresDesignTimeFactory : PostgresDesignTimeFactory<CurriculumPostgresDbContext>;
