namespace Smartskola.Core.Modules;

/// <summary>
/// Work a module needs done once per start, after all migrations have run and before the first request
/// (e.g. granting default permissions, running the setup recipe). Tasks run in module order.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
