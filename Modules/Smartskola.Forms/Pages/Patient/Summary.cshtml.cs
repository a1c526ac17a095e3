using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Forms.Answering;

namespace Smartskola.Forms.Pages.Patient;

/// <summary>"Mina svar": all the patient's submitted reflections by module, printable and as a PDF.</summary>
[RequirePermission(CorePermissions.PatientArea)]
public sealed class SummaryModel(AnswerSummary summary) : PageModel
{
    public const string Title = "Mina svar";

    public IReadOnlyList<SummaryModule> Modules { get; private set; } = [];

    public async Task OnGetAsync() => Modules = await summary.ForAsync(User, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetPdfAsync()
    {
        Modules = await summary.ForAsync(User, HttpContext.RequestAborted);
        var pdf = SummaryPdf.Render(Title, Modules);
        return File(pdf, "application/pdf", "mina-svar.pdf");
    }
}
