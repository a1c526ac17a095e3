using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Enrolment.Data;

public abstract class EnrolmentDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<ProgramEnrolment> Enrolments => Set<ProgramEnrolment>();

    public DbSet<EnrolmentModuleState> ModuleStates => Set<EnrolmentModuleState>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<EnrolmentActivity> Activities => Set<EnrolmentActivity>();

    public DbSet<UnitEnrolmentSettings> UnitSettings => Set<UnitEnrolmentSettings>();

    public DbSet<ClinicianNotice> Notices => Set<ClinicianNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>(patient =>
        {
            patient.ToTable("EnrolmentPatients");
            patient.Property(p => p.GivenName).HasMaxLength(100);
            patient.Property(p => p.FamilyName).HasMaxLength(100);
            patient.Property(p => p.PersonnummerHash).HasMaxLength(64);
            patient.Property(p => p.PersonnummerMasked).HasMaxLength(16);
            patient.Property(p => p.Email).HasMaxLength(256);
            patient.Property(p => p.Mobile).HasMaxLength(32);
            patient.Property(p => p.Version).IsConcurrencyToken();
            patient.HasIndex(p => p.PersonnummerHash).IsUnique();
            patient.HasIndex(p => p.UserId).IsUnique();
        });
        modelBuilder.Entity<ProgramEnrolment>(enrolment =>
        {
            enrolment.ToTable("Enrolments");
            enrolment.Property(e => e.ProgramId).HasMaxLength(32);
            enrolment.Property(e => e.WelcomeText).HasMaxLength(4000);
            enrolment.Property(e => e.Version).IsConcurrencyToken();
            enrolment.HasIndex(e => new { e.CareUnitId, e.Status });
            enrolment.HasIndex(e => new { e.ClinicianId, e.Status });
            enrolment.HasIndex(e => e.PatientId);
            enrolment.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<EnrolmentModuleState>(state =>
        {
            state.ToTable("EnrolmentModules");
            state.HasKey(s => new { s.EnrolmentId, s.ModuleId });
            state.Property(s => s.ModuleId).HasMaxLength(32);
            state.HasOne<ProgramEnrolment>().WithMany().HasForeignKey(s => s.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("EnrolmentInvitations");
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.PatientId);
            invitation.HasOne<ProgramEnrolment>().WithMany().HasForeignKey(i => i.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EnrolmentActivity>(activity =>
        {
            activity.ToTable("EnrolmentActivities");
            activity.Property(a => a.Kind).HasMaxLength(40);
            activity.Property(a => a.ItemId).HasMaxLength(32);
            activity.Property(a => a.Detail).HasMaxLength(200);
            activity.Property(a => a.ActorName).HasMaxLength(200);
            activity.HasIndex(a => new { a.EnrolmentId, a.OccurredUtc });
            activity.HasOne<ProgramEnrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UnitEnrolmentSettings>(settings =>
        {
            settings.ToTable("EnrolmentUnitSettings");
            settings.HasKey(s => s.CareUnitId);
            settings.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ClinicianNotice>(notice =>
        {
            notice.ToTable("EnrolmentNotices");
            notice.Property(n => n.Kind).HasMaxLength(40);
            notice.Property(n => n.DedupeKey).HasMaxLength(200);
            notice.HasIndex(n => n.DedupeKey).IsUnique();
            notice.HasIndex(n => new { n.ClinicianId, n.ReadUtc });
            notice.HasOne<ProgramEnrolment>().WithMany().HasForeignKey(n => n.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class EnrolmentSqliteDbContext(DbContextOptions<EnrolmentSqliteDbContext> options) : EnrolmentDbContext(options);

public sealed class EnrolmentPostgresDbContext(DbContextOptions<EnrolmentPostgresDbContext> options) : EnrolmentDbContext(options);

public sealed class EnrolmentSqliteDesignTimeFactory : SqliteDesignTimeFactory<EnrolmentSqliteDbContext>;

public sealed class EnrolmentPostgresDesignTimeFactory : PostgresDesignTimeFactory<EnrolmentPostgresDbContext>;
