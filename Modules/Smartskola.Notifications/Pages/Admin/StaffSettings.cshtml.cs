using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Security;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Pages.Admin;

/// <summary>A staff member's own setting "Ta emot notifieringar" (e-mail when a patient of theirs writes). Any staff role.</summary>
[RequirePermission(CorePermissions.StaffArea)]
public sealed class StaffSettingsModel(NotificationsDbContext db) : PageModel
{
    [BindProperty]
    public bool ReceiveNewMessages { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return NotFound();
        }

        var current = await CurrentAsync(userId, cancellationToken);
        ReceiveNewMessages = current.ReceiveNewMessages;
        Version = current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return NotFound();
        }

        var row = await db.StaffSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var stale = row is null && Version != Guid.Empty;
        if (row is null)
        {
            row = new StaffNotificationSettings { UserId = userId };
            db.StaffSettings.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = Version;
        }

        row.ReceiveNewMessages = ReceiveNewMessages;
        row.Version = Guid.NewGuid();
        try
        {
            if (!stale)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            stale = true;
        }

        if (stale)
        {
            db.ChangeTracker.Clear();
            var current = await CurrentAsync(userId, cancellationToken);
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            Error = "Inställningen ändrades i en annan flik medan du arbetade. Ditt val står kvar; spara igen om det ska gälla.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        StatusMessage = ReceiveNewMessages ? "Du får e-post när en patient skriver till dig." : "Du får inte längre e-post om nya meddelanden.";
        return RedirectToPage();
    }

    private async Task<StaffNotificationSettings> CurrentAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.StaffSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken)
        ?? new StaffNotificationSettings { UserId = userId, Version = Guid.Empty };
}
