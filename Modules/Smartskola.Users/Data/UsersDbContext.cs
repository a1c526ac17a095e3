using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Users.Data;

public abstract class UsersDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<IdentityUserRole<Guid>> UserRoles => Set<IdentityUserRole<Guid>>();

    public DbSet<IdentityUserClaim<Guid>> UserClaims => Set<IdentityUserClaim<Guid>>();

    public DbSet<IdentityUserLogin<Guid>> UserLogins => Set<IdentityUserLogin<Guid>>();

    public DbSet<IdentityUserToken<Guid>> UserTokens => Set<IdentityUserToken<Guid>>();

    public DbSet<IdentityRoleClaim<Guid>> RoleClaims => Set<IdentityRoleClaim<Guid>>();

    public DbSet<CareUnit> CareUnits => Set<CareUnit>();

    public DbSet<UserCareUnit> UserCareUnits => Set<UserCareUnit>();

    public DbSet<KnownPermission> KnownPermissions => Set<KnownPermission>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("Users");
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
            b.HasMany<UserCareUnit>().WithOne().HasForeignKey(u => u.UserId).IsRequired();
        });
        modelBuilder.Entity<Role>(b =>
        {
            b.ToTable("Roles");
            b.HasIndex(r => r.NormalizedName).IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(r => r.Name).HasMaxLength(256);
            b.Property(r => r.NormalizedName).HasMaxLength(256);
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>(b => b.ToTable("UserClaims"));
        modelBuilder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("UserLogins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        modelBuilder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("UserTokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });
        modelBuilder.Entity<IdentityUserRole<Guid>>(b =>
        {
            b.ToTable("UserRoles");
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
        modelBuilder.Entity<IdentityRoleClaim<Guid>>(b => b.ToTable("RoleClaims"));
        modelBuilder.Entity<CareUnit>(b =>
        {
            b.ToTable("CareUnits");
            b.HasIndex(u => u.Code).IsUnique();
            b.Property(u => u.Code).HasMaxLength(64);
            b.Property(u => u.Name).HasMaxLength(200);
            b.HasMany<UserCareUnit>().WithOne().HasForeignKey(m => m.CareUnitId).IsRequired();
        });
        modelBuilder.Entity<UserCareUnit>(b =>
        {
            b.ToTable("UserCareUnits");
            b.HasKey(m => new { m.UserId, m.CareUnitId });
            b.HasIndex(m => m.CareUnitId);
        });
        modelBuilder.Entity<KnownPermission>(b =>
        {
            b.ToTable("KnownPermissions");
            b.HasKey(p => p.Name);
            b.Property(p => p.Name).HasMaxLength(200);
        });
    }
}

public sealed class UsersSqliteDbContext(DbContextOptions<UsersSqliteDbContext> options) : UsersDbContext(options);

public sealed class UsersPostgresDbContext(DbContextOptions<UsersPostgresDbContext> options) : UsersDbContext(options);

public sealed class UsersSqliteDesignTimeFactory : SqliteDesignTimeFactory<UsersSqliteDbContext>;

public sealed class UsersPostgresDesignTimeFactory : PostgresDesignTimeFactory<UsersPostgresDbContext>;
