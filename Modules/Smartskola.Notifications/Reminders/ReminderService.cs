using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smartskola.Core.Leases;

namespace Smartskola.Notifications.Reminders;

/// <summary>Configuration section <c>Notifications:Reminders</c>: the background runs of <see cref="ReminderJob"/>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Notifications:Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs. The job is idempotent, so a shorter interval only costs queries.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Runs <see cref="ReminderJob"/> at start and then every interval, under the lease "notification-reminders".</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger)
    : LeasedBackgroundJob(scopes, clock, logger)
{
    public const string Name = "notification-reminders";

    protected override string LeaseName => Name;

    protected override string JobName => "Notification reminders";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<object> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ReminderJob>().RunAsync(cancellationToken);
}
