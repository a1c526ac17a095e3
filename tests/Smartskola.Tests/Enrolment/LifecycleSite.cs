using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Lifecycle;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Enrolment;

/// <summary>
/// A site whose lifecycle jobs run only when a test calls them, with a notice mailer and a patient-data purger that
/// count their calls. A second instance (<see cref="SecondInstance"/>) shares the database and the counters.
/// </summary>
public class LifecycleSite : SiteFactory
{
    protected LifecycleSite(DatabaseProvider provider) : base(provider)
    {
    }

    private LifecycleSite(LifecycleSite original) : base(original)
    {
        Mailer = original.Mailer;
        Purger = original.Purger;
        // Both instances agree on what day it is.
        Clock.Advance(original.Clock.GetUtcNow() - Clock.GetUtcNow());
    }

    public CountingNoticeMailer Mailer { get; } = new();

    public CountingPurger Purger { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lifecycle:Enabled"] = "false" };

    /// <summary>Another instance of the site on the same database; initialize and dispose it in the test.</summary>
    public LifecycleSite SecondInstance() => new(this);

    public Task<LifecycleSummary> RunJobsAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<LifecycleJobs>().RunAsync(CancellationToken.None));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClinicianNoticeMailer>(Mailer);
            services.AddSingleton<IPatientDataPurger>(Purger);
        });
    }
}

public sealed class LifecycleSqliteSite() : LifecycleSite(DatabaseProvider.Sqlite);

public sealed class LifecyclePostgresSite() : LifecycleSite(DatabaseProvider.Postgres);

public sealed class CountingNoticeMailer : IClinicianNoticeMailer
{
    public ConcurrentBag<string> DedupeKeys { get; } = [];

    public Task NoticeCreatedAsync(ClinicianNotice notice, CancellationToken cancellationToken = default)
    {
        DedupeKeys.Add(notice.DedupeKey);
        return Task.CompletedTask;
    }

    public int CallsFor(string dedupeKey) => DedupeKeys.Count(k => k == dedupeKey);
}

public sealed class CountingPurger : IPatientDataPurger
{
    public ConcurrentBag<(Guid PatientId, Guid? UserId)> Calls { get; } = [];

    public Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        Calls.Add((patientId, userId));
        return Task.CompletedTask;
    }
}
