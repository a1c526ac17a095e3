using Microsoft.Extensions.Logging;

namespace Smartskola.Curriculum.Progress;

/// <summary>
/// Passes an activity to every <see cref="IReadingActivityListener"/>. A failing listener is logged and does not
/// stop the patient's page or the other listeners: the reading itself is already saved.
/// </summary>
public sealed class ReadingActivityNotifier(IEnumerable<IReadingActivityListener> listeners, ILogger<ReadingActivityNotifier> logger)
{
    public async Task NotifyAsync(ReadingActivity activity, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnActivityAsync(activity, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Reading activity listener {Listener} failed for {Kind}", listener.GetType().Name, activity.Kind);
            }
        }
    }
}
