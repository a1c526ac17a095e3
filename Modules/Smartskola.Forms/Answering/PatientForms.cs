using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;
using Smartskola.Forms.Data;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Answering;

/// <summary>An assignment of the signed-in patient with the exact template version it is answered against.</summary>
public sealed record PatientAssignment(FormAssignment Assignment, TemplateVersion Template);

/// <summary>
/// The signed-in patient's forms: their current enrolment, the module forms they may open (the module open for
/// them, the template among the module's picks) and their own assignments. Anything else is "not there" (null).
/// </summary>
public sealed class PatientForms(FormsDbContext db, CurriculumLoader loader, IModuleAccess access,
    CurrentEnrolment current, FormTemplateStore templates, TimeProvider clock)
{
    public async Task<ProgramEnrolment?> EnrolmentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } userId || await loader.LoadAsync(latest: false, cancellationToken) is not { } program)
        {
            return null;
        }

        return await current.ForAsync(userId, program.Item.ContentItemId, cancellationToken);
    }

    /// <summary>
    /// The module form's assignment for the patient's current enrolment, created at first opening against the newest
    /// published version (then fixed). Null when the module is not open for them or the form is not in it.
    /// </summary>
    public async Task<FormAssignment?> ModuleAssignmentAsync(ClaimsPrincipal user, int moduleNumber, string templateId,
        CancellationToken cancellationToken)
    {
        var program = await loader.LoadAsync(latest: false, cancellationToken);
        if (program?.ModuleByNumber(moduleNumber) is not { } module || !module.FormIds.Contains(templateId)
            || !(await access.GetAsync(user, program, cancellationToken)).OpenModuleIds.Contains(module.Id)
            || await EnrolmentAsync(user, cancellationToken) is not { GivesAccess: true } enrolment)
        {
            return null;
        }

        var existing = await FindModuleAssignmentAsync(enrolment.Id, templateId, module.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        if (await templates.GetNewestPublishedAsync(templateId, cancellationToken) is not { } version)
        {
            return null;
        }

        var assignment = new FormAssignment
        {
            Id = Guid.NewGuid(),
            EnrolmentId = enrolment.Id,
            UnitId = enrolment.CareUnitId,
            TemplateId = templateId,
            TemplateVersion = version.Version,
            ModuleItemId = module.Id,
            AvailableOn = SwedishTime.Today(clock),
            Status = AssignmentStatus.NotStarted,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Assignments.Add(assignment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return assignment;
        }
        catch (DbUpdateException)
        {
            // Two tabs opened the form at once: the unique index kept one assignment; use it.
            db.ChangeTracker.Clear();
            return await FindModuleAssignmentAsync(enrolment.Id, templateId, module.Id, cancellationToken);
        }
    }

    /// <summary>The patient's own assignment (any of their enrolments) with its template version; null otherwise.</summary>
    public async Task<PatientAssignment?> OwnAsync(ClaimsPrincipal user, Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null || assignment.Status == AssignmentStatus.Cancelled
            || await EnrolmentAsync(user, cancellationToken) is not { } enrolment || enrolment.Id != assignment.EnrolmentId
            || assignment.AvailableOn > SwedishTime.Today(clock))
        {
            return null;
        }

        var template = await templates.GetVersionAsync(assignment.TemplateId, assignment.TemplateVersion, cancellationToken);
        return template is null ? null : new PatientAssignment(assignment, template);
    }

    private Task<FormAssignment?> FindModuleAssignmentAsync(Guid enrolmentId, string templateId, string moduleId,
        CancellationToken cancellationToken) =>
        db.Assignments.AsNoTracking().FirstOrDefaultAsync(
            a => a.EnrolmentId == enrolmentId && a.TemplateId == templateId && a.ModuleItemId == moduleId, cancellationToken);
}
