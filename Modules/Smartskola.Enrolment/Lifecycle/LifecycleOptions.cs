namespace Smartskola.Enrolment.Lifecycle;

/// <summary>Configuration section <c>Lifecycle</c>: the background runs of <see cref="LifecycleJobs"/>.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>Run the jobs in the background (at start, then every <see cref="Interval"/>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between runs. The jobs are idempotent, so a shorter interval only costs queries.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
