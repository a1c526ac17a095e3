using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Smartskola.Core.Leases;

/// <summary>
/// Runs a job at start and then every <see cref="Interval"/>, each run in a DI scope of its own, under a database lease
/// so other instances do not do the same work at the same time. Jobs must be correct without the lease (it can expire
/// mid-run). A failed run is logged (ids and exception only, never personal data) and tried again next interval.
/// </summary>
public abstract class LeasedBackgroundJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    protected abstract string LeaseName { get; }

    /// <summary>What the logs call the job, e.g. "Enrolment lifecycle jobs".</summary>
    protected abstract string JobName { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run; the returned summary is logged.</summary>
    protected abstract Task<object> RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await Task.Yield(); // Let the host finish starting.
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
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
                logger.LogDebug("{Job} skipped: another instance is running them.", JobName);
                return;
            }

            try
            {
                var summary = await RunAsync(scope.ServiceProvider, stoppingToken);
                logger.LogInformation("{Job} done: {Summary}", JobName, summary);
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
            logger.LogError(exception, "{Job} failed; they run again in {Interval}.", JobName, Interval);
        }
    }
}
