using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smartskola.Core.Leases;

namespace Smartskola.Forms.Dispatch;

/// <summary>Configuration section <c>Forms:Reminders</c>: the background runs of <see cref="FormReminderJob"/>.</summary>
public sealed class FormReminderOptions
{
    public const string Section = "Forms:Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs. The job is idempotent, so a shorter interval only costs queries.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Runs <see cref="FormReminderJob"/> at start and then every interval, in a scope of its own, under a database lease
/// so two instances do not do the same work at once (the job is correct without it).
/// </summary>
public sealed class FormReminderService(IServiceScopeFactory scopes, IOptions<FormReminderOptions> options, TimeProvider clock,
    ILogger<FormReminderService> logger) : BackgroundService
{
    public const string LeaseName = "forms-reminders";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
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
                return;
            }

            try
            {
                var summary = await scope.ServiceProvider.GetRequiredService<FormReminderJob>().RunAsync(stoppingToken);
                logger.LogInformation("Form reminders done: {Summary}", summary);
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
            logger.LogError(exception, "Form reminders failed; they run again in {Interval}.", options.Value.Interval);
        }
    }
}
