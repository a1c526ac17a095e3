using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Forms.Answering;

namespace Smartskola.Forms.Pages.Patient;

/// <summary>
/// A module's form: finds or creates the patient's assignment for it and goes to the answer page. A module that is
/// not open for them, or a form not in that module, is not there (404).
/// </summary>
[RequirePermission(CorePermissions.PatientArea)]
public sealed class ModuleFormModel(PatientForms forms) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int number, string templateId)
    {
        if (templateId.Length > 32)
        {
            return NotFound();
        }

        var assignment = await forms.ModuleAssignmentAsync(User, number, templateId, HttpContext.RequestAborted);
        return assignment is null ? NotFound() : Redirect($"/program/formular/{assignment.Id}");
    }
}
