using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Smartskola.Core.Navigation;
using Smartskola.Core.Security;

namespace Smartskola.Core.Modules;

/// <summary>
/// The single entry point of a module. The host lists the modules it is built from; each contributes its
/// services (including its DbContext, migrations and recipe steps), endpoints, permissions and admin menu entries
/// through this class and nothing else.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Stable, human-readable module name (used in logs and the migrations history table).</summary>
    public abstract string Name { get; }

    /// <summary>Modules are configured and migrated in ascending order; foundations use low numbers.</summary>
    public virtual int Order => 100;

    public virtual void ConfigureServices(ModuleContext context)
    {
    }

    /// <summary>
    /// Middleware that must see the signed-in user: runs after authentication and before authorization.
    /// </summary>
    public virtual void UseMiddleware(IApplicationBuilder app)
    {
    }

    /// <summary>Minimal-API endpoints. Razor Pages in the module's assembly are discovered without help.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public virtual IEnumerable<Permission> Permissions => [];

    public virtual IEnumerable<AdminMenuItem> AdminMenu => [];
}
