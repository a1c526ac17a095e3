using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.AuditTrail.Data;
using Smartskola.AuditTrail.Services;
using Smartskola.Core.Audit;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;

namespace Smartskola.AuditTrail;

/// <summary>The append-only, hash-chained audit log: writing, viewing by unit, verifying the chain.</summary>
public sealed class AuditTrailModule : ModuleStartup
{
    /// <summary>Used only when <c>Audit:ChainKey</c> is not configured (development and tests).</summary>
    public const string DevelopmentChainKey = "smartskola-development-audit-chain-key";

    public override string Name => "AuditTrail";

    public override int Order => 5;

    public override IEnumerable<Permission> Permissions => AuditPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Granskningslogg", "/admin/granskning", AuditPermissions.ViewAll, 90),
        new("Granskningslogg", "/admin/granskning", AuditPermissions.ViewOwnUnits, 90),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<AuditDbContext, AuditSqliteDbContext, AuditPostgresDbContext>(Name);
        var key = context.Configuration["Audit:ChainKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            if (context.Environment.EnvironmentName is not ("Development" or "Testing"))
            {
                throw new InvalidOperationException(
                    "Audit:ChainKey must be configured outside development (a long random secret kept out of the database).");
            }

            key = DevelopmentChainKey;
        }

        services.AddSingleton(new AuditChain(Encoding.UTF8.GetBytes(key)));
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<IAuditLogReader, AuditLogReader>();
    }
}
