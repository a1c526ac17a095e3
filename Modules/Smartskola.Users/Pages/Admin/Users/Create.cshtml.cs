using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Users.Data;
using Smartskola.Users.Services;

namespace Smartskola.Users.Pages.Admin.Users;

[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class CreateModel(UsersDbContext db, UserAccountService accounts, IAuditLog audit) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Ange ett första lösenord.")]
    [DataType(DataType.Password)]
    [Display(Name = "Första lösenord")]
    public string Password { get; set; } = string.Empty;

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<CareUnit> AvailableUnits { get; private set; } = [];

    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        Form.KeepOnly(AvailableUnits, AvailableRoles);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (user, errors) = await accounts.CreateAsync(Form.ToInput(), Password);
        if (user is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Page();
        }

        await audit.WriteAsync(new AuditEvent("user.create", "User", user.Id.ToString()));
        StatusMessage = "Användaren är skapad.";
        return RedirectToPage("Edit", new { id = user.Id });
    }

    private async Task LoadAsync()
    {
        (AvailableUnits, AvailableRoles) = await UserFormView.LoadChoicesAsync(db);
    }
}
