using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.AuditTrail.Data;

public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.HasIndex(e => e.Sequence).IsUnique();
            b.HasIndex(e => new { e.ActorUnitId, e.OccurredUtc });
            b.HasIndex(e => new { e.SubjectPatientId, e.OccurredUtc });
            b.HasIndex(e => e.OccurredUtc);
            b.Property(e => e.ActorName).HasMaxLength(200);
            b.Property(e => e.Action).HasMaxLength(100);
            b.Property(e => e.EntityType).HasMaxLength(100);
            b.Property(e => e.EntityId).HasMaxLength(100);
            b.Property(e => e.Outcome).HasMaxLength(20);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
        });
    }
}

public sealed class AuditSqliteDbContext(DbContextOptions<AuditSqliteDbContext> options) : AuditDbContext(options);

public sealed class AuditPostgresDbContext(DbContextOptions<AuditPostgresDbContext> options) : AuditDbContext(options);

public sealed class AuditSqliteDesignTimeFactory : SqliteDesignTimeFactory<AuditSqliteDbContext>;

public sealed class AuditPostgresDesignTimeFactory : PostgresDesignTimeFactory<AuditPostgresDbContext>;
