using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Curriculum.Data;

/// <summary>A section a patient has opened and, once they reached its end or marked it, finished.</summary>
public sealed class SectionRead
{
    public Guid UserId { get; set; }

    public string SectionId { get; set; } = string.Empty;

    /// <summary>When the patient first opened the section.</summary>
    public DateTime FirstReadUtc { get; set; }

    /// <summary>When the patient first finished the section (scrolled to its end or pressed "Jag har läst klart").</summary>
    public DateTime? FinishedUtc { get; set; }
}

/// <summary>How often a patient has started a mindfulness exercise's recording.</summary>
public sealed class ExercisePlay
{
    public Guid UserId { get; set; }

    public string ExerciseId { get; set; } = string.Empty;

    public DateTime FirstPlayedUtc { get; set; }

    public DateTime LastPlayedUtc { get; set; }

    public int Plays { get; set; }
}

public abstract class CurriculumDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SectionRead> SectionReads => Set<SectionRead>();

    public DbSet<ExercisePlay> ExercisePlays => Set<ExercisePlay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SectionRead>(read =>
        {
            read.ToTable("CurriculumSectionReads");
            read.HasKey(r => new { r.UserId, r.SectionId });
            read.Property(r => r.SectionId).HasMaxLength(32);
        });
        modelBuilder.Entity<ExercisePlay>(play =>
        {
            play.ToTable("CurriculumExercisePlays");
            play.HasKey(p => new { p.UserId, p.ExerciseId });
            play.Property(p => p.ExerciseId).HasMaxLength(32);
        });
    }
}

public sealed class CurriculumSqliteDbContext(DbContextOptions<CurriculumSqliteDbContext> options) : CurriculumDbContext(options);

public sealed class CurriculumPostgresDbContext(DbContextOptions<CurriculumPostgresDbContext> options) : CurriculumDbContext(options);

public sealed class CurriculumSqliteDesignTimeFactory : SqliteDesignTimeFactory<CurriculumSqliteDbContext>;

public sealed class CurriculumPostgresDesignTimeFactory : PostgresDesignTimeFactory<CurriculumPostgresDbContext>;
