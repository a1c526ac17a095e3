using Smartskola.Core.Modules;

namespace Smartskola.Dashboard;

/// <summary>The two home pages (staff workspace and patient start) and the Swedish error pages.</summary>
public sealed class DashboardModule : ModuleStartup
{
    public override string Name => "Dashboard";

    public override int Order => 20;
}
