using Microsoft.Extensions.DependencyInjection;
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

/// <summary>Runs <see cref="FormReminderJob"/> at start and then every interval, under a lease.</summary>
public sealed class FormReminderService(IServiceScopeFactory scopes, IOptions<FormReminderOptions> options, TimeProvider clock,
    ILogger<FormReminderService> logger) : LeasedBackgroundJob(scopes, clock, logger)
{
    public const string Name = "forms-reminders";

    protected override string LeaseName => Name;

    protected override string JobName => "Form reminders";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<object> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<FormReminderJob>().RunAsync(cancellationToken);
}
