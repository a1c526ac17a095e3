using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smartskola.Core.Leases;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>Runs <see cref="LifecycleJobs"/> at start and then every <see cref="LifecycleOptions.Interval"/>, under a lease.</summary>
public sealed class LifecycleService(IServiceScopeFactory scopes, IOptions<LifecycleOptions> options, TimeProvider clock,
    ILogger<LifecycleService> logger) : LeasedBackgroundJob(scopes, clock, logger)
{
    public const string Name = "enrolment-lifecycle";

    protected override string LeaseName => Name;

    protected override string JobName => "Enrolment lifecycle jobs";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<object> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<LifecycleJobs>().RunAsync(cancellationToken);
}
