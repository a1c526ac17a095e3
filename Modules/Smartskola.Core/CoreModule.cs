using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Smartskola.Core.DataProtection;
using Smartskola.Core.Health;
using Smartskola.Core.Leases;
using Smartskola.Core.Mail;
using Smartskola.Core.Modules;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Settings;
using Smartskola.Core.Site;

namespace Smartskola.Core;

/// <summary>Persistence, clock, leases, shared key ring, permission-based authorization, health.</summary>
public sealed class CoreModule : ModuleStartup
{
    public override string Name => "Core";

    public override int Order => 0;

    public override IEnumerable<Permission> Permissions => CorePermissions.All;

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        var contentRoot = context.Environment.ContentRootPath;
        services.AddOptions<DatabaseOptions>()
            .Configure(options =>
            {
                context.Configuration.GetSection("Database").Bind(options);
                options.ConnectionString = context.Configuration.GetConnectionString("Default") ?? string.Empty;
                if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = $"Data Source={Path.Combine(contentRoot, "App_Data", "smartskola.db")}";
                }
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "ConnectionStrings:Default is required when Database:Provider is Postgres.");
        services.Configure<SiteOptions>(context.Configuration.GetSection("Site"));
        services.Configure<SecurityOptions>(context.Configuration.GetSection("Security"));
        var isDevelopment = context.Environment.EnvironmentName is "Development" or "Testing";
        PatientsOptions.Register(services, context.Configuration, isDevelopment);
        services.AddSingleton<PersonnummerProtector>();
        services.Configure<MailOptions>(context.Configuration.GetSection("Mail"));
        services.Configure<SmsOptions>(context.Configuration.GetSection(SmsOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SharedDbConnection>();
        services.AddModuleDbContext<CoreDbContext, CoreSqliteDbContext, CorePostgresDbContext>(Name);
        services.AddSingleton<DatabaseMigrator>();

        services.AddSingleton<LeaseHolderIdentity>();
        services.AddScoped<ILeaseService, LeaseService>();
        services.AddScoped<SiteSettings>();
        services.AddScoped<PermissionCatalog>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<MailDelivery>();
        services.AddHttpClient<ISmsGateway, HttpSmsGateway>();
        services.AddHostedService<MailDispatcher>();

        services.AddDataProtection().SetApplicationName("Smartskola");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy())
            .AddCheck<DatabaseHealthCheck>("database");
    }
}
