using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Forms.Data;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Export;

/// <summary>A template the user may export, its published versions (newest first) and the user's units.</summary>
public sealed record ExportTarget(FormTemplate Template, IReadOnlyList<TemplateVersion> Versions, IReadOnlyList<Guid> UnitIds);

/// <summary>
/// Exports a template's submitted responses from the user's own units as CSV, XLSX or FHIR, streamed to the response,
/// and audits the export (after the file is written, with format, version, row count and whether pseudonymised).
/// </summary>
public sealed class FormExporter(FormsDbContext db, FormTemplateStore store, ResponseSource source, IAuditLog audit,
    IOptions<SiteOptions> site)
{
    public const string AuditAction = "forms.export";

    /// <summary>
    /// The template when it is the user's unit's, shared with one of them, or answered in one of them; otherwise null
    /// (the caller answers 404).
    /// </summary>
    public async Task<ExportTarget?> FindAsync(string templateId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var units = user.CareUnitIds().ToList();
        if (units.Count == 0 || await store.GetTemplateAsync(templateId, cancellationToken) is not { } template)
        {
            return null;
        }

        var usable = units.Contains(template.OwnerUnitId);
        foreach (var unit in units.Where(_ => !usable))
        {
            usable = await store.IsSharedWithAsync(template, unit, cancellationToken);
        }

        usable = usable || await db.Responses.AnyAsync(r => r.TemplateId == templateId && units.Contains(r.UnitId), cancellationToken);
        if (!usable)
        {
            return null;
        }

        var numbers = await db.Versions.Where(v => v.TemplateId == templateId).Select(v => v.Version)
            .Union(db.Responses.Where(r => r.TemplateId == templateId).Select(r => r.TemplateVersion).Distinct())
            .ToListAsync(cancellationToken);
        var versions = new List<TemplateVersion>();
        foreach (var number in numbers.Distinct().OrderDescending())
        {
            if (await store.GetVersionAsync(templateId, number, cancellationToken) is { } version)
            {
                versions.Add(version);
            }
        }

        return new ExportTarget(template, versions, units);
    }

    public static string FileName(ExportTarget target, ExportOptions options)
    {
        var extension = options.Format switch
        {
            ExportFormat.Xlsx => "xlsx",
            ExportFormat.Fhir => "json",
            _ => "csv",
        };
        var version = options.Version is { } v ? $"-v{v}" : string.Empty;
        return $"formularsvar-{target.Template.ContentItemId}{version}.{extension}";
    }

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Fhir => "application/fhir+json; charset=utf-8",
        _ => "text/csv; charset=utf-8",
    };

    /// <summary>Writes the file to <paramref name="response"/> and audits it; returns the number of responses exported.</summary>
    public async Task<int> ExportAsync(HttpResponse response, ExportTarget target, ExportOptions options,
        Guid? actingUnit, CancellationToken cancellationToken)
    {
        var versions = target.Versions.Where(v => options.Version is null || v.Version == options.Version).ToList();
        var templateId = target.Template.ContentItemId;
        response.ContentType = ContentType(options.Format);
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(target, options)}\"";
        response.Headers.CacheControl = "no-store";
        int count;
        switch (options.Format)
        {
            case ExportFormat.Xlsx:
                count = await XlsxAsync(response, target, versions, options, cancellationToken);
                break;
            case ExportFormat.Fhir:
                count = await FhirExportWriter.WriteAsync(response.Body, site.Value.BaseUrl(response.HttpContext.Request), versions,
                    target.Template.RetiredUtc is not null,
                    source.ReadAsync(templateId, target.UnitIds, options, options.Version, cancellationToken), cancellationToken);
                break;
            default:
                count = await CsvExportWriter.WriteAsync(response.Body, ExportColumns.For(versions), options.Pseudonymised,
                    options.Format == ExportFormat.CsvComma ? ',' : ';',
                    source.ReadAsync(templateId, target.UnitIds, options, options.Version, cancellationToken), cancellationToken);
                break;
        }

        await audit.WriteAsync(new AuditEvent(AuditAction, "FormTemplate", Describe(templateId, options, count)) { UnitId = actingUnit },
            CancellationToken.None);
        return count;
    }

    /// <summary>The audit entry's id: template, format, version, rows and identification (no patient data).</summary>
    public static string Describe(string templateId, ExportOptions options, int count) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{templateId};{options.Format.ToString().ToLowerInvariant()};v={options.Version?.ToString(CultureInfo.InvariantCulture) ?? "alla"};rader={count};{(options.Pseudonymised ? "pseudonymiserad" : "identifierad")}");

    private async Task<int> XlsxAsync(HttpResponse response, ExportTarget target, IReadOnlyList<TemplateVersion> versions,
        ExportOptions options, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"smartskola-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var count = await XlsxExportWriter.WriteAsync(path, versions, options.Pseudonymised,
                version => source.ReadAsync(target.Template.ContentItemId, target.UnitIds, options, version, cancellationToken),
                cancellationToken);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            response.ContentLength = file.Length;
            await file.CopyToAsync(response.Body, cancellationToken);
            return count;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
