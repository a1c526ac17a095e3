using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Curriculum.Tasks;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Answering;

/// <summary>
/// The forms module's <see cref="IPatientTasks"/>: a module's forms linked with how far the patient has come, and the
/// dispatched forms that are due ("Att göra").
/// </summary>
public sealed class FormsPatientTasks(FormsDbContext db, PatientForms patientForms, CurriculumLoader loader, ContentQuery query,
    IHttpContextAccessor http, TimeProvider clock) : IPatientTasks
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public async Task<IReadOnlyList<PatientTask>> ForModuleAsync(string moduleItemId, IReadOnlyList<string> formIds, bool preview,
        CancellationToken cancellationToken = default)
    {
        if (formIds.Count == 0)
        {
            return [];
        }

        var titles = await query.PublishedLinksAsync(formIds);
        if (preview || http.HttpContext?.User is not { } user)
        {
            return titles.Select(f => new PatientTask(f.Title, null, null)).ToList();
        }

        var program = await loader.LoadAsync(latest: false, cancellationToken);
        var module = program?.Modules.FirstOrDefault(m => m.Id == moduleItemId);
        var enrolment = await patientForms.EnrolmentAsync(user, cancellationToken);
        var states = enrolment is null ? [] : await (
            from a in db.Assignments.AsNoTracking()
            where a.EnrolmentId == enrolment.Id && a.ModuleItemId == moduleItemId
            join r in db.Responses.AsNoTracking() on a.Id equals r.AssignmentId into responses
            from r in responses.DefaultIfEmpty()
            select new { a.TemplateId, a.Status, Submitted = r == null ? null : r.SubmittedUtc }).ToListAsync(cancellationToken);
        return titles.Select(f =>
        {
            var state = states.FirstOrDefault(s => s.TemplateId == f.ContentItemId);
            var url = module is null ? null : $"/program/modul/{module.Number}/formular/{f.ContentItemId}";
            return new PatientTask(f.Title, url, StatusText(state?.Status, state?.Submitted), Done: state?.Status == AssignmentStatus.Answered);
        }).ToList();
    }

    public async Task<IReadOnlyList<PatientTask>> TodoAsync(CancellationToken cancellationToken = default)
    {
        if (http.HttpContext?.User is not { } user || await patientForms.EnrolmentAsync(user, cancellationToken) is not { } enrolment)
        {
            return [];
        }

        var today = SwedishTime.Today(clock);
        var open = await (
            from a in db.Assignments.AsNoTracking()
            where a.EnrolmentId == enrolment.Id && a.DispatchId != null && a.AvailableOn <= today
                && a.Status != AssignmentStatus.Answered && a.Status != AssignmentStatus.Cancelled
            join v in db.Versions.AsNoTracking() on new { a.TemplateId, Version = a.TemplateVersion } equals new { v.TemplateId, v.Version }
            select new { a.Id, a.Status, a.DueOn, a.AvailableOn, v.Title }).ToListAsync(cancellationToken);
        return open.OrderBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.AvailableOn)
            .Select(a => new PatientTask(a.Title, $"/program/formular/{a.Id}", StatusText(a.Status, null), a.DueOn))
            .ToList();
    }

    public PatientTask? AnswersLink => new("Mina svar – allt du har skrivit i formulären", "/program/mina-svar", null);

    public static string StatusText(AssignmentStatus? status, DateTime? submittedUtc) => status switch
    {
        AssignmentStatus.Answered when submittedUtc is { } at => "Skickat " + SwedishTime.ToLocal(at).ToString("d MMMM", Swedish),
        AssignmentStatus.Answered => "Skickat",
        AssignmentStatus.InProgress => "Påbörjat",
        _ => "Inte påbörjat",
    };
}
