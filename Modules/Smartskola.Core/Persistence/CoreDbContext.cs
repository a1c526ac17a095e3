using Microsoft.EntityFrameworkCore;
using Smartskola.Core.DataProtection;
using Smartskola.Core.Leases;
using Smartskola.Core.Mail;
using Smartskola.Core.Settings;

namespace Smartskola.Core.Persistence;

/// <summary>State shared by all instances of the site: data-protection keys, leases, site settings and the mail outbox.</summary>
public abstract class CoreDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Lease> Leases => Set<Lease>();

    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
        modelBuilder.Entity<Lease>(lease =>
        {
            lease.ToTable("Leases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(200);
            lease.Property(l => l.Holder).HasMaxLength(200);
        });
        modelBuilder.Entity<SiteSetting>(setting =>
        {
            setting.ToTable("SiteSettings");
            setting.HasKey(s => s.Key);
            setting.Property(s => s.Key).HasMaxLength(200);
        });
        modelBuilder.Entity<OutboxMail>(mail =>
        {
            mail.ToTable("OutboxMails");
            mail.HasIndex(m => m.DedupeKey).IsUnique();
            mail.HasIndex(m => m.NextAttemptUtc);
            mail.Property(m => m.DedupeKey).HasMaxLength(OutboxMail.DedupeKeyMaxLength);
            mail.Property(m => m.To).HasMaxLength(OutboxMail.ToMaxLength);
            mail.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMaxLength);
            mail.Property(m => m.LastError).HasMaxLength(400);
            mail.Property(m => m.ClaimedBy).HasMaxLength(200);
            mail.Property(m => m.Kind).HasMaxLength(OutboxMail.KindMaxLength);
            mail.HasIndex(m => new { m.EnrolmentId, m.CreatedUtc });
        });
    }
}

public sealed class CoreSqliteDbContext(DbContextOptions<CoreSqliteDbContext> options) : CoreDbContext(options);

public sealed class CorePostgresDbContext(DbContextOptions<CorePostgresDbContext> options) : CoreDbContext(options);

public sealed class CoreSqliteDesignTimeFactory : SqliteDesignTimeFactory<CoreSqliteDbContext>;

public sealed class CorePostgresDesignTimeFactory : PostgresDesignTimeFactory<CorePostgresDbContext>;
