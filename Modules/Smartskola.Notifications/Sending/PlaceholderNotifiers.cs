namespace Smartskola.Notifications.Sending;

// Skeleton placeholders, replaced by the real notifiers in this issue.
internal sealed class PlaceholderPatientNotifier : IPatientNotifier
{
    public Task<NotifyOutcome> NotifyAsync(PatientNotification notification, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotifyOutcome.NotOptedIn);
}

internal sealed class PlaceholderStaffNotifier : IStaffNotifier
{
    public Task<int> NewPatientMessageAsync(IReadOnlyCollection<Guid> staffUserIds, string dedupeKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);
}
