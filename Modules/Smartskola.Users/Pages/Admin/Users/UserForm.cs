using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Smartskola.Users.Data;

namespace Smartskola.Users.Pages.Admin.Users;

/// <summary>The fields shared by the create and edit pages (rendered by <c>_UserFormFields.cshtml</c>).</summary>
public sealed class UserForm : IValidatableObject
{
    [Required(ErrorMessage = "Ange ett namn.")]
    [StringLength(200, ErrorMessage = "Namnet får vara högst 200 tecken.")]
    [Display(Name = "Namn")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Ange en e-postadress.")]
    [EmailAddress(ErrorMessage = "Ange en giltig e-postadress.")]
    [StringLength(256, ErrorMessage = "E-postadressen får vara högst 256 tecken.")]
    [Display(Name = "E-postadress")]
    public string Email { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    public List<Guid> Units { get; set; } = [];

    /// <summary>Drops anything not offered on the page, so a forged post cannot name a role or unit that does not exist.</summary>
    public void KeepOnly(IEnumerable<CareUnit> units, IEnumerable<string> roles)
    {
        var knownRoles = roles.ToHashSet();
        Roles = Roles.Where(knownRoles.Contains).Distinct().ToList();
        var known = units.Select(u => u.Id).ToHashSet();
        Units = Units.Where(known.Contains).Distinct().ToList();
        DisplayName = DisplayName?.Trim() ?? string.Empty;
        Email = Email?.Trim() ?? string.Empty;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Roles.Count == 0)
        {
            yield return new ValidationResult("Välj minst en roll.", [nameof(Roles)]);
        }
        else if (Roles.Contains(Core.Security.Roles.Patient) && Roles.Count > 1)
        {
            yield return new ValidationResult("Ett patientkonto kan inte samtidigt ha en personalroll.", [nameof(Roles)]);
        }
    }

    public Services.UserAccountService.AccountInput ToInput() => new(Email, DisplayName, Roles, Units);
}

/// <summary>What the shared form partial needs besides the values.</summary>
public sealed record UserFormView(UserForm Form, IReadOnlyList<CareUnit> AvailableUnits, IReadOnlyList<string> AvailableRoles)
{
    /// <summary>The units and roles the form offers: every unit, and every role on the site.</summary>
    public static async Task<(IReadOnlyList<CareUnit> Units, IReadOnlyList<string> Roles)> LoadChoicesAsync(UsersDbContext db) =>
        (await db.CareUnits.AsNoTracking().OrderBy(u => u.Name).ToListAsync(),
            Core.Security.Roles.InDisplayOrder(await db.Roles.Select(r => r.Name!).ToListAsync()));
}
