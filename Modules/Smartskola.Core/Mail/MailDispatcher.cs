using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Smartskola.Core.Mail;

/// <summary>Sends due outbox mail every <c>Mail:PollInterval</c> while the site runs (unless <c>Mail:Enabled</c> is false).</summary>
public sealed class MailDispatcher(
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    IOptions<SmsOptions> sms,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (!MailDelivery.IsConfigured(settings, environment, sms.Value))
        {
            logger.LogWarning("Neither Mail:Host nor Sms:Endpoint is configured: outgoing mail and SMS stay queued.");
            return;
        }

        await Task.Yield(); // let the host finish starting
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MailDelivery>().DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Only the type: a message could carry personal data. The loop goes on.
                logger.LogError("Mail delivery round failed: {ErrorType}.", MailDelivery.Describe(exception));
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
