using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Audit;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Figures;

namespace Smartskola.Enrolment.Pages.Admin.Figures;

/// <summary>
/// The program's figures per care unit: counts only, no patient. Unit managers see their own units (another unit is
/// a 404), administrators every unit. <c>?handler=Csv</c> downloads the same figures for Excel.
/// </summary>
[RequirePermission(EnrolmentPermissions.ViewFigures)]
public sealed class IndexModel(UnitFiguresQuery query, ICareUnitDirectory directory, IAuditLog audit, TimeProvider clock) : PageModel
{
    public const string ViewAction = "unit.figures.view";
    public const string ExportAction = "unit.figures.export";

    [BindProperty(SupportsGet = true, Name = "enhet")]
    public Guid? UnitId { get; set; }

    public IReadOnlyList<CareUnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<UnitFigures> Figures { get; private set; } = [];

    public bool CanEditRules => User.HasPermission(EnrolmentPermissions.UnitSettings);

    public static string Days(double? days) => days?.ToString("0.#", CultureInfo.GetCultureInfo("sv-SE")) ?? "–";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(ViewAction, cancellationToken) is { } refused)
        {
            return refused;
        }

        await audit.WriteAsync(new AuditEvent(ViewAction, "CareUnit", UnitId?.ToString()) { UnitId = UnitId }, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(ExportAction, cancellationToken) is { } refused)
        {
            return refused;
        }

        var modules = await query.ModulesAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent(ExportAction, "CareUnit", UnitId?.ToString()) { UnitId = UnitId }, cancellationToken);
        var day = SwedishTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(UnitFiguresCsv.Write(Figures, modules), "text/csv; charset=utf-8", $"enhetens-siffror-{day}.csv");
    }

    /// <summary>Loads the visible units' figures; a refusal (404) when the chosen unit is not one of them.</summary>
    private async Task<IActionResult?> LoadAsync(string action, CancellationToken cancellationToken)
    {
        Units = await VisibleUnits.ForAsync(User, directory, cancellationToken);
        if (UnitId is { } requested && Units.All(u => u.Id != requested))
        {
            await audit.WriteAsync(new AuditEvent(action, "CareUnit", requested.ToString()) { Outcome = AuditOutcome.Denied },
                cancellationToken);
            return NotFound();
        }

        Figures = await query.ForUnitsAsync(UnitId is { } id ? Units.Where(u => u.Id == id).ToList() : Units, cancellationToken);
        return null;
    }
}
