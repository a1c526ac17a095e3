using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;

namespace Smartskola.Tests.Infrastructure;

/// <summary>Unique recipients and keys for outbox tests, and queuing through a site's own <see cref="IMailOutbox"/>.</summary>
public static class OutboxTestData
{
    public static string Address(string name) => $"{name}-{Guid.NewGuid():N}@test.smartskola.se";

    public static string Key() => $"test:{Guid.NewGuid():N}";

    public static Task<bool> EnqueueAsync(SiteFactory target, OutgoingMail mail) =>
        target.WithScopeAsync(sp => sp.GetRequiredService<IMailOutbox>().EnqueueAsync(mail));
}
