using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Audit;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Messaging.Mailbox;

namespace Smartskola.Messaging.Pages.Admin;

/// <summary>
/// Funktionsbrevlådan: practical questions from the patients of the user's units, unread first. Names patients, so
/// viewing it is logged like the patient list (<c>patient.list</c>).
/// </summary>
[RequirePermission(MessagingPermissions.Converse)]
public sealed class MailboxModel(UnitMailbox mailbox, ICareUnitDirectory units, IAuditLog audit) : PageModel
{
    public IReadOnlyList<MailboxRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        var mine = User.CareUnitIds();
        Rows = await mailbox.ListAsync(mine.ToList(), HttpContext.RequestAborted);
        UnitNames = (await units.ListAsync(HttpContext.RequestAborted)).Where(u => mine.Contains(u.Id)).ToDictionary(u => u.Id, u => u.Name);
        await audit.WriteAsync(new AuditEvent("patient.list", "Mailbox"), HttpContext.RequestAborted);
    }
}
