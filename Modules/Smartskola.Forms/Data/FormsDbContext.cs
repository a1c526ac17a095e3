using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Forms.Data;

public abstract class FormsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FormTemplate> Templates => Set<FormTemplate>();

    public DbSet<FormTemplateVersion> Versions => Set<FormTemplateVersion>();

    public DbSet<FormTemplateShare> Shares => Set<FormTemplateShare>();

    public DbSet<FormSubscription> Subscriptions => Set<FormSubscription>();

    public DbSet<FormTextPack> TextPacks => Set<FormTextPack>();

    public DbSet<FormDispatch> Dispatches => Set<FormDispatch>();

    public DbSet<FormAssignment> Assignments => Set<FormAssignment>();

    public DbSet<RecipientList> RecipientLists => Set<RecipientList>();

    public DbSet<RecipientListMember> RecipientListMembers => Set<RecipientListMember>();

    public DbSet<FormResponse> Responses => Set<FormResponse>();

    public DbSet<ResponseFeedback> Feedback => Set<ResponseFeedback>();

    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FormTemplate>(template =>
        {
            template.ToTable("FormTemplates");
            template.HasKey(t => t.ContentItemId);
            template.Property(t => t.ContentItemId).HasMaxLength(32);
            template.Property(t => t.CopiedFromId).HasMaxLength(32);
            template.Property(t => t.CitizenLinkToken).HasMaxLength(64);
            template.Property(t => t.Version).IsConcurrencyToken();
            template.HasIndex(t => t.OwnerUnitId);
            template.HasIndex(t => t.CitizenLinkToken).IsUnique();
        });
        modelBuilder.Entity<FormTemplateVersion>(version =>
        {
            version.ToTable("FormTemplateVersions");
            version.HasKey(v => new { v.TemplateId, v.Version });
            version.Property(v => v.TemplateId).HasMaxLength(32);
            version.Property(v => v.Title).HasMaxLength(300);
        });
        modelBuilder.Entity<FormTemplateShare>(share =>
        {
            share.ToTable("FormTemplateShares");
            share.HasKey(s => new { s.TemplateId, s.UnitId });
            share.Property(s => s.TemplateId).HasMaxLength(32);
            share.HasIndex(s => s.UnitId);
            share.HasOne<FormTemplate>().WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FormSubscription>(subscription =>
        {
            subscription.ToTable("FormSubscriptions");
            subscription.HasKey(s => new { s.UnitId, s.TemplateId });
            subscription.Property(s => s.TemplateId).HasMaxLength(32);
            subscription.HasOne<FormTemplate>().WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FormTextPack>(pack =>
        {
            pack.ToTable("FormTextPacks");
            pack.Property(p => p.TemplateId).HasMaxLength(32);
            pack.Property(p => p.LicenceReference).HasMaxLength(500);
            pack.Property(p => p.Version).IsConcurrencyToken();
            pack.HasIndex(p => new { p.UnitId, p.TemplateId }).IsUnique();
            pack.HasOne<FormTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FormDispatch>(dispatch =>
        {
            dispatch.ToTable("FormDispatches");
            dispatch.Property(d => d.TemplateId).HasMaxLength(32);
            dispatch.Property(d => d.CreatedByName).HasMaxLength(200);
            dispatch.Property(d => d.RecipientsText).HasMaxLength(300);
            dispatch.HasIndex(d => new { d.UnitId, d.CreatedUtc });
            dispatch.HasIndex(d => d.TemplateId);
        });
        modelBuilder.Entity<FormAssignment>(assignment =>
        {
            assignment.ToTable("FormAssignments");
            assignment.Property(a => a.TemplateId).HasMaxLength(32);
            assignment.Property(a => a.ModuleItemId).HasMaxLength(32);
            assignment.HasIndex(a => new { a.EnrolmentId, a.Status });
            assignment.HasIndex(a => new { a.UnitId, a.Status, a.DueOn });
            assignment.HasIndex(a => a.DispatchId);
            // A module's form is one assignment per enrolment, however often the patient opens it.
            assignment.HasIndex(a => new { a.EnrolmentId, a.TemplateId, a.ModuleItemId }).IsUnique()
                .HasFilter("\"ModuleItemId\" IS NOT NULL");
            assignment.HasOne<FormDispatch>().WithMany().HasForeignKey(a => a.DispatchId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RecipientList>(list =>
        {
            list.ToTable("FormRecipientLists");
            list.Property(l => l.Name).HasMaxLength(200);
            list.HasIndex(l => new { l.UnitId, l.Name }).IsUnique();
        });
        modelBuilder.Entity<RecipientListMember>(member =>
        {
            member.ToTable("FormRecipientListMembers");
            member.HasKey(m => new { m.ListId, m.EnrolmentId });
            member.HasOne<RecipientList>().WithMany().HasForeignKey(m => m.ListId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FormResponse>(response =>
        {
            response.ToTable("FormResponses");
            response.Property(r => r.TemplateId).HasMaxLength(32);
            response.Property(r => r.ScoringAlgorithm).HasMaxLength(100);
            response.Property(r => r.EntryKey).HasMaxLength(40);
            response.HasIndex(r => new { r.AssignmentId, r.EntryKey }).IsUnique();
            response.HasIndex(r => new { r.EnrolmentId, r.TemplateId });
            response.HasIndex(r => new { r.TemplateId, r.TemplateVersion, r.Status, r.Id });
            response.HasOne<FormAssignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ResponseFeedback>(feedback =>
        {
            feedback.ToTable("FormResponseFeedback");
            feedback.Property(f => f.AuthorName).HasMaxLength(200);
            feedback.Property(f => f.Text).HasMaxLength(4000);
            feedback.HasIndex(f => f.ResponseId);
            feedback.HasOne<FormResponse>().WithMany().HasForeignKey(f => f.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ContactRequest>(request =>
        {
            request.ToTable("FormContactRequests");
            request.Property(r => r.TemplateId).HasMaxLength(32);
            request.HasIndex(r => new { r.UnitId, r.HandledUtc });
        });
    }
}

public sealed class FormsSqliteDbContext(DbContextOptions<FormsSqliteDbContext> options) : FormsDbContext(options);

public sealed class FormsPostgresDbContext(DbContextOptions<FormsPostgresDbContext> options) : FormsDbContext(options);

public sealed class FormsSqliteDesignTimeFactory : SqliteDesignTimeFactory<FormsSqliteDbContext>;

public sealed class FormsPostgresDesignTimeFactory : PostgresDesignTimeFactory<FormsPostgresDbContext>;
