using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smartskola.Core.Leases;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Runs <see cref="LifecycleJobs"/> at start and then every <see cref="LifecycleOptions.Interval"/>, each run in a DI
/// scope of its own. A database lease keeps other instances from doing the same work at the same time; the jobs are
/// correct without it (a lease can expire mid-run).
/// </summary>
public sealed class LifecycleService(IServiceScopeFactory scopes, IOptions<LifecycleOptions> options, TimeProvider clock,
    ILogger<LifecycleService> logger) : BackgroundService
{
    public const string LeaseName = "enrolment-lifecycle";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield(); // Let the host finish starting.
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<ILeaseService>();
            if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, stoppingToken))
            {
                logger.LogDebug("Enrolment lifecycle jobs skipped: another instance is running them.");
                return;
            }

            try
            {
                var summary = await scope.ServiceProvider.GetRequiredService<LifecycleJobs>().RunAsync(stoppingToken);
                logger.LogInformation("Enrolment lifecycle jobs done: {Summary}", summary);
            }
            finally
            {
                await leases.ReleaseAsync(LeaseName, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            // Ids and exception only, never personal data; the next run tries again.
            logger.LogError(exception, "Enrolment lifecycle jobs failed; they run again in {Interval}.", options.Value.Interval);
        }
    }
}
