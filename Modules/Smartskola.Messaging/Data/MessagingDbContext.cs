using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Messaging.Data;

public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<ReadMarker> ReadMarkers => Set<ReadMarker>();

    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("MessagingConversations");
            conversation.HasKey(c => c.Id);
            conversation.HasIndex(c => new { c.EnrolmentId, c.Kind }).IsUnique();
            conversation.HasIndex(c => new { c.CareUnitId, c.Kind });
            conversation.HasIndex(c => c.PatientId);
        });
        modelBuilder.Entity<Message>(message =>
        {
            message.ToTable("MessagingMessages");
            message.HasKey(m => m.Id);
            message.HasIndex(m => new { m.ConversationId, m.CreatedUtc });
            message.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength);
            message.Property(m => m.AuthorName).HasMaxLength(200);
            message.Property(m => m.ReferenceId).HasMaxLength(64);
            message.Property(m => m.ReferenceTitle).HasMaxLength(300);
            message.Property(m => m.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ReadMarker>(marker =>
        {
            marker.ToTable("MessagingReadMarkers");
            marker.HasKey(m => new { m.ConversationId, m.UserId });
        });
        modelBuilder.Entity<ReplyTemplate>(template =>
        {
            template.ToTable("MessagingReplyTemplates");
            template.HasKey(t => t.Id);
            template.HasIndex(t => t.CareUnitId);
            template.Property(t => t.Title).HasMaxLength(ReplyTemplate.TitleMaxLength);
            template.Property(t => t.Body).HasMaxLength(Message.BodyMaxLength);
            template.Property(t => t.Version).IsConcurrencyToken();
        });
    }
}

public sealed class MessagingSqliteDbContext(DbContextOptions<MessagingSqliteDbContext> options) : MessagingDbContext(options);

public sealed class MessagingPostgresDbContext(DbContextOptions<MessagingPostgresDbContext> options) : MessagingDbContext(options);

public sealed class MessagingSqliteDesignTimeFactory : SqliteDesignTimeFactory<MessagingSqliteDbContext>;

public sealed class MessagingPostgresDesignTimeFactory : PostgresDesignTimeFactory<MessagingPostgresDbContext>;
