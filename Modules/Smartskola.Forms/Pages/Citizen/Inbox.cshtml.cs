using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Forms.Answering;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Pages.Citizen;

/// <summary>One row of the inbox list: no answer text, only what and when.</summary>
public sealed record InboxRow(Guid Id, string Title, DateTime CreatedUtc, bool Handled);

/// <summary>
/// Contact requests from citizen forms for the user's own units: unhandled first, newest first. Opening one is
/// audited (the answers may identify the person); another unit's request answers 404.
/// </summary>
[RequirePermission(FormsPermissions.Dispatch)]
public sealed class InboxModel(FormsDbContext db, FormTemplateStore store, IAuditLog audit, TimeProvider clock) : PageModel
{
    public const string ViewAction = "forms.contact.view";
    public const string HandledAction = "forms.contact.handled";

    [FromRoute]
    public Guid? Id { get; set; }

    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    public ContactRequest? Contact { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public FormFieldsView? Fields { get; private set; }

    public IReadOnlyList<ScoreResult> Scores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var units = User.CareUnitIds().ToList();
        if (Id is not { } id)
        {
            var requests = await db.ContactRequests.AsNoTracking().Where(r => units.Contains(r.UnitId))
                .OrderBy(r => r.HandledUtc != null).ThenByDescending(r => r.CreatedUtc).Take(200).ToListAsync(cancellationToken);
            var titles = new Dictionary<string, string>();
            foreach (var templateId in requests.Select(r => r.TemplateId).Distinct())
            {
                titles[templateId] = (await store.GetNewestPublishedAsync(templateId, cancellationToken))?.Title ?? "Formulär";
            }

            Rows = requests.Select(r => new InboxRow(r.Id, titles[r.TemplateId], r.CreatedUtc, r.HandledUtc is not null)).ToList();
            return Page();
        }

        var request = await db.ContactRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !units.Contains(request.UnitId))
        {
            await audit.WriteAsync(new AuditEvent(ViewAction, "ContactRequest", id.ToString()) { Outcome = AuditOutcome.Denied }, cancellationToken);
            return NotFound();
        }

        var version = await store.GetVersionAsync(request.TemplateId, request.TemplateVersion, cancellationToken);
        Contact = request;
        Title = version?.Title ?? "Formulär";
        Fields = new FormFieldsView(version?.Definition ?? new FormDefinition(), FormAnswers.FromJson(request.AnswersJson),
            new Dictionary<string, string>(), ReadOnly: true);
        Scores = FormScorer.FromJson(request.ScoresJson);
        await audit.WriteAsync(new AuditEvent(ViewAction, "ContactRequest", id.ToString()) { UnitId = request.UnitId }, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostHandledAsync(CancellationToken cancellationToken)
    {
        var units = User.CareUnitIds().ToList();
        var request = Id is { } id ? await db.ContactRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        if (request is null || !units.Contains(request.UnitId))
        {
            return NotFound();
        }

        if (request.HandledUtc is null)
        {
            request.HandledUtc = clock.GetUtcNow().UtcDateTime;
            request.HandledBy = User.UserId();
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(new AuditEvent(HandledAction, "ContactRequest", request.Id.ToString()) { UnitId = request.UnitId }, cancellationToken);
        }

        return RedirectToPage(new { id = (Guid?)null });
    }
}
