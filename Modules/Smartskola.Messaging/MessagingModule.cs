using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Mailbox;
using Smartskola.Messaging.ReplyTemplates;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging;

/// <summary>
/// Messages between a patient and the care team (one conversation per enrolment), the unit mailbox
/// (funktionsbrevlåda) and reply templates. Read state per participant feeds the patient's header and the triage list.
/// </summary>
public sealed class MessagingModule : ModuleStartup
{
    public override string Name => "Messaging";

    public override int Order => 70;

    public override IEnumerable<Permission> Permissions => MessagingPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Funktionsbrevlåda", "/admin/meddelanden/funktionsbrevlada", MessagingPermissions.Converse, 25),
        new("Svarsmallar", "/admin/meddelanden/mallar", MessagingPermissions.ManageTemplates, 26),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<MessagingDbContext, MessagingSqliteDbContext, MessagingPostgresDbContext>(Name);
        services.AddMessageThreads();
        services.AddUnitMailbox();
        services.AddReplyTemplates();
    }
}
