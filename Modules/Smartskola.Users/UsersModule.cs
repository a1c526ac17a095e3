using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smartskola.Core.Accounts;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Recipes;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Users.Data;
using Smartskola.Users.Identity;
using Smartskola.Users.Recipes;

namespace Smartskola.Users;

/// <summary>Identity (sign-in, lockout, two-factor), roles and permissions, care units and their members.</summary>
public sealed class UsersModule : ModuleStartup
{
    public override string Name => "Users";

    public override int Order => 10;

    public override IEnumerable<Permission> Permissions => UsersPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Vårdenheter", "/admin/enheter", UsersPermissions.ViewOwnUnits, 80),
        new("Vårdenheter", "/admin/enheter", UsersPermissions.ManageUnits, 80),
        new("Användare", "/admin/anvandare", UsersPermissions.ManageUsers, 81),
        new("Roller och behörigheter", "/admin/roller", UsersPermissions.ManageUsers, 82),
    ];

    public override void UseMiddleware(IApplicationBuilder app) => app.UseMiddleware<TwoFactorEnforcementMiddleware>();

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<UsersDbContext, UsersSqliteDbContext, UsersPostgresDbContext>(Name);

        var security = context.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        var cookieSecurity = security.CookiePolicy(context.Environment);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<Role>()
            .AddUserStore<UserStore>()
            .AddRoleStore<RoleStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddClaimsPrincipalFactory<SmartskolaClaimsPrincipalFactory>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((options, clock) =>
            {
                options.TimeProvider = clock;
                options.Cookie.Name = "ss.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = cookieSecurity;
                options.LoginPath = "/logga-in";
                options.LogoutPath = "/logga-ut";
                options.AccessDeniedPath = "/fel/403";
                options.ExpireTimeSpan = security.IdleTimeout;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = IdleSessionCookie.RedirectToLogin;
                options.Events.OnRedirectToAccessDenied = IdleSessionCookie.Forbid;
            });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<TimeProvider>((options, clock) =>
            {
                options.TimeProvider = clock;
                options.Cookie.Name = "ss.2fa";
                options.Cookie.SecurePolicy = cookieSecurity;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        // Role and unit changes reach signed-in users within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<ICareUnitDirectory, CareUnitDirectory>();
        services.AddScoped<Smartskola.Core.Accounts.IStaffDirectory, StaffDirectory>();
        services.AddScoped<Services.UserAccountService>();
        services.AddScoped<IPatientAccounts, Services.PatientAccounts>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<IPermissionDefaults, PermissionDefaults>();
        services.AddScoped<IStartupTask, RolePermissionInitializer>();
        services.AddScoped<IRecipeStep, RolesRecipeStep>();
        services.AddScoped<IRecipeStep, UnitsRecipeStep>();
        services.AddScoped<IRecipeStep, UsersRecipeStep>();
    }
}
