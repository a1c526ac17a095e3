using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Messaging.Mailbox;

namespace Smartskola.Messaging.Pages.Admin;

/// <summary>Funktionsbrevlådan: practical questions from the patients of the user's units, unread first.</summary>
[RequirePermission(MessagingPermissions.Converse)]
public sealed class MailboxModel(UnitMailbox mailbox, ICareUnitDirectory units) : PageModel
{
    public IReadOnlyList<MailboxRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        var mine = User.CareUnitIds();
        Rows = await mailbox.ListAsync(mine.ToList(), HttpContext.RequestAborted);
        UnitNames = (await units.ListAsync(HttpContext.RequestAborted)).Where(u => mine.Contains(u.Id)).ToDictionary(u => u.Id, u => u.Name);
    }
}
