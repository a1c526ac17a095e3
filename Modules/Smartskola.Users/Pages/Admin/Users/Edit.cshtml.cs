using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Users.Data;
using Smartskola.Users.Identity;
using Smartskola.Users.Services;

namespace Smartskola.Users.Pages.Admin.Users;

[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class EditModel(UsersDbContext db, UserManager<User> users, SignInManager<User> signIn,
    UserAccountService accounts, SharedDbConnection connection, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    [BindProperty]
    public string ConcurrencyStamp { get; set; } = string.Empty;

    [TempData]
    public string? StatusMessage { get; set; }

    public User Account { get; private set; } = null!;

    public string Status => IndexModel.StatusOf(Account, clock.GetUtcNow());

    public bool IsBlocked => AccountBlock.IsBlocked(Account);

    public bool IsSelf => Account.Id == User.UserId();

    public IReadOnlyList<CareUnit> AvailableUnits { get; private set; } = [];

    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Form = new UserForm
        {
            DisplayName = Account.DisplayName,
            Email = Account.Email ?? string.Empty,
            Roles = (await users.GetRolesAsync(Account)).ToList(),
            Units = await db.UserCareUnits.Where(m => m.UserId == id).Select(m => m.CareUnitId).ToListAsync(),
        };
        ConcurrencyStamp = Account.ConcurrencyStamp ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Form.KeepOnly(AvailableUnits, AvailableRoles);
        if (IsSelf && !Form.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(string.Empty, "Du kan inte ta bort din egen administratörsroll.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await accounts.UpdateAsync(Account, ConcurrencyStamp, Form.ToInput());
        if (errors.Count > 0)
        {
            // Keep what the administrator typed; show the error above it.
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Page();
        }

        if (IsSelf)
        {
            await signIn.RefreshSignInAsync(Account);
        }

        await audit.WriteAsync(new AuditEvent("user.update", "User", id.ToString()));
        StatusMessage = "Ändringarna är sparade.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id) =>
        await ChangeLockAsync(id, null, "user.unlock", "Kontot är upplåst.");

    public async Task<IActionResult> OnPostBlockAsync(Guid id) =>
        await ChangeLockAsync(id, AccountBlock.Until, "user.block", "Kontot är spärrat och användaren utloggad.");

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        await audit.WriteAsync(new AuditEvent("user.twofactor.reset", "User", id.ToString()));
        StatusMessage = "Tvåstegsverifieringen är återställd. Användaren får ställa in den på nytt.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ChangeLockAsync(Guid id, DateTimeOffset? until, string action, string message)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf && until is not null)
        {
            StatusMessage = "Du kan inte spärra ditt eget konto.";
            return RedirectToPage(new { id });
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var ok = (await users.SetLockoutEndDateAsync(Account, until)).Succeeded
                && (await users.ResetAccessFailedCountAsync(Account)).Succeeded
                // A new security stamp ends the user's sessions at the next validation.
                && (until is null || (await users.UpdateSecurityStampAsync(Account)).Succeeded);
            if (!ok)
            {
                StatusMessage = "Kontot ändrades samtidigt av någon annan. Försök igen.";
                return RedirectToPage(new { id });
            }

            await transaction.CommitAsync();
        }

        await audit.WriteAsync(new AuditEvent(action, "User", id.ToString()));
        StatusMessage = message;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null)
        {
            return false;
        }

        Account = account;
        (AvailableUnits, AvailableRoles) = await UserFormView.LoadChoicesAsync(db);
        return true;
    }
}
