using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Forms.Data;
using Smartskola.Forms.FollowUp;

namespace Smartskola.Forms.Pages.Admin.FollowUp;

/// <summary>Uppföljning of one dispatch: a row per assignment with status and scores, and reminders to the missing ones.</summary>
[RequirePermission(FormsPermissions.Dispatch)]
public sealed class DispatchModel(FollowUpService followUp, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public FormDispatch Dispatch { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    public IReadOnlyList<FollowUpRow> Rows { get; private set; } = [];

    public DateOnly Today => SwedishTime.Today(clock);

    [BindProperty]
    public List<Guid> Chosen { get; set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await followUp.OpenAsync(User, id, HttpContext.RequestAborted) is not { } dispatch)
        {
            return NotFound();
        }

        await LoadAsync(dispatch);
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid id)
    {
        if (await followUp.OpenAsync(User, id, HttpContext.RequestAborted) is not { } dispatch)
        {
            return NotFound();
        }

        var (report, error) = await followUp.RemindAsync(dispatch, Chosen.Distinct().ToList(), site.Value.BaseUrl(Request), HttpContext.RequestAborted);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Chosen), error);
            await LoadAsync(dispatch);
            Response.StatusCode = Chosen.Count == 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            return Page();
        }

        StatusMessage = report!.Message();
        return Redirect($"/admin/formular/utskick/{id}");
    }

    public static string StatusText(FollowUpRow row) => row.Assignment.Status switch
    {
        AssignmentStatus.Answered => row.SubmittedUtc is { } at ? $"Besvarat {SwedishTime.Format(at, "d MMM")}" : "Besvarat",
        AssignmentStatus.InProgress => "Påbörjat",
        AssignmentStatus.Cancelled => "Återkallat",
        _ => "Inte besvarat",
    };

    private async Task LoadAsync(FormDispatch dispatch)
    {
        Dispatch = dispatch;
        Rows = await followUp.RowsAsync(dispatch, HttpContext.RequestAborted);
        var titles = await followUp.TitlesAsync([(dispatch.TemplateId, dispatch.TemplateVersion)], HttpContext.RequestAborted);
        Title = titles.GetValueOrDefault((dispatch.TemplateId, dispatch.TemplateVersion), "Formulär");
    }
}
