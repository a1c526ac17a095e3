using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;

namespace Smartskola.Notifications.Data;

public abstract class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<PatientNotificationSettings> PatientSettings => Set<PatientNotificationSettings>();

    public DbSet<StaffNotificationSettings> StaffSettings => Set<StaffNotificationSettings>();

    public DbSet<ProgramReminderSettings> ProgramSettings => Set<ProgramReminderSettings>();

    public DbSet<ContactVerification> Verifications => Set<ContactVerification>();

    public DbSet<DigestItem> DigestItems => Set<DigestItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PatientNotificationSettings>(settings =>
        {
            settings.ToTable("NotificationPatientSettings");
            settings.HasKey(s => s.PatientId);
            settings.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<StaffNotificationSettings>(settings =>
        {
            settings.ToTable("NotificationStaffSettings");
            settings.HasKey(s => s.UserId);
            settings.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ProgramReminderSettings>(settings =>
        {
            settings.ToTable("NotificationProgramSettings");
            settings.HasKey(s => s.ProgramId);
            settings.Property(s => s.ProgramId).HasMaxLength(32);
            settings.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ContactVerification>(verification =>
        {
            verification.ToTable("NotificationVerifications");
            verification.HasKey(v => v.Id);
            verification.HasIndex(v => new { v.PatientId, v.Channel });
            verification.Property(v => v.Address).HasMaxLength(OutboxMail.ToMaxLength);
            verification.Property(v => v.CodeHash).HasMaxLength(100);
        });
        modelBuilder.Entity<DigestItem>(item =>
        {
            item.ToTable("NotificationDigestItems");
            item.HasKey(i => i.Id);
            item.HasIndex(i => i.DedupeKey).IsUnique();
            item.HasIndex(i => new { i.PatientId, i.DigestedUtc });
            item.Property(i => i.Kind).HasMaxLength(OutboxMail.KindMaxLength);
            item.Property(i => i.DedupeKey).HasMaxLength(OutboxMail.DedupeKeyMaxLength);
        });
    }
}

public sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

public sealed class NotificationsPostgresDbContext(DbContextOptions<NotificationsPostgresDbContext> options) : NotificationsDbContext(options);

public sealed class NotificationsSqliteDesignTimeFactory : SqliteDesignTimeFactory<NotificationsSqliteDbContext>;

public sealed class NotificationsPostgresDesignTimeFactory : PostgresDesignTimeFactory<NotificationsPostgresDbContext>;
