using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Patients;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Export;

/// <summary>
/// Reads a template's submitted responses for export in keyset pages by id, untracked, so an export of any size holds
/// one page in memory. Only responses whose unit is one of <paramref name="unitIds"/> are read.
/// </summary>
public sealed class ResponseSource(FormsDbContext forms, EnrolmentDbContext enrolment, PersonnummerProtector protector)
{
    public const int PageSize = 1000;

    public async IAsyncEnumerable<ExportRow> ReadAsync(string templateId, IReadOnlyCollection<Guid> unitIds,
        ExportOptions options, int? version, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pseudonyms = options.Pseudonymised ? new Pseudonymiser() : null;
        var units = unitIds.ToList();
        var query = forms.Responses.AsNoTracking()
            .Where(r => r.TemplateId == templateId && r.Status == ResponseStatus.Submitted && units.Contains(r.UnitId));
        if (version is { } v)
        {
            query = query.Where(r => r.TemplateVersion == v);
        }

        if (options.From is { } from)
        {
            var start = SwedishTime.StartOfDayUtc(from);
            query = query.Where(r => r.SubmittedUtc >= start);
        }

        if (options.To is { } to)
        {
            var end = SwedishTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(r => r.SubmittedUtc < end);
        }

        Guid? last = null;
        while (true)
        {
            var pageQuery = last is { } after ? query.Where(r => r.Id.CompareTo(after) > 0) : query;
            var page = await pageQuery.OrderBy(r => r.Id).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            var subjects = pseudonyms is null ? await PatientsAsync(page, cancellationToken) : null;
            foreach (var response in page)
            {
                var subject = pseudonyms is not null
                    ? new ExportSubject(null, null, pseudonyms.For(response.EnrolmentId))
                    : subjects!.GetValueOrDefault(response.EnrolmentId) ?? new ExportSubject(null, null, null);
                yield return new ExportRow(response.Id, response.TemplateVersion, response.SubmittedUtc ?? response.SavedUtc,
                    response.EntryDate, FormAnswers.FromJson(response.AnswersJson), FormScorer.FromJson(response.ScoresJson),
                    response.ScoringAlgorithm, subject);
            }

            last = page[^1].Id;
            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Name and personnummer of the page's patients (purged ones: none).</summary>
    private async Task<Dictionary<Guid, ExportSubject>> PatientsAsync(List<FormResponse> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(r => r.EnrolmentId).Distinct().ToList();
        var rows = await enrolment.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Join(enrolment.Patients.AsNoTracking(), e => e.PatientId, p => p.Id,
                (e, p) => new { e.Id, p.GivenName, p.FamilyName, p.PersonnummerCipher, p.PurgedUtc })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.PurgedUtc is not null
            ? new ExportSubject(null, null, null)
            : new ExportSubject($"{r.GivenName} {r.FamilyName}".Trim(), Personnummer(r.PersonnummerCipher), null));
    }

    private string? Personnummer(byte[] cipher)
    {
        try
        {
            return protector.Unprotect(cipher).ToString();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A record whose number cannot be read (e.g. another key) is exported without it rather than failing the file.
            return null;
        }
    }
}
