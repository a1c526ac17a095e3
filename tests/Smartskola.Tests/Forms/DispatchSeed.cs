using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Forms;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>Templates, patients and answers for the dispatch and follow-up tests, written through the real services.</summary>
public static class DispatchSeed
{
    /// <summary>A two-question scored form ("Smärtpåverkan", bands Låg 0–2, Hög 3–6).</summary>
    public static FormDefinition ScoredDefinition()
    {
        FormItem Question(string id, string text) => new()
        {
            Id = id, Type = FormItemType.SingleChoice, Text = text, Required = true,
            Options = [new() { Code = "0", Text = "Inte alls", Score = 0 }, new() { Code = "1", Text = "Lite", Score = 1 },
                new() { Code = "2", Text = "Mycket", Score = 2 }, new() { Code = "3", Text = "Helt", Score = 3 }],
        };
        return new FormDefinition
        {
            Items = [Question("f1", "Hur mycket påverkar smärtan din sömn?"), Question("f2", "Hur mycket påverkar smärtan ditt arbete?")],
            Scoring = new FormScoring
            {
                Scales = [new ScoreScale
                {
                    Id = "s1", Name = "Smärtpåverkan", Method = ScoreMethod.Sum, ItemIds = ["f1", "f2"],
                    Bands = [new() { From = 0, To = 2, Label = "Låg" }, new() { From = 3, To = 6, Label = "Hög" }],
                }],
            },
            NextId = 3,
        };
    }

    /// <summary>A published Formularmall owned by <paramref name="unitCode"/>; returns its content item id.</summary>
    public static async Task<string> PublishTemplateAsync(this SiteFactory site, string unitCode, string title, FormDefinition? definition = null,
        bool retired = false) =>
        await FormTemplateSeed.PublishAsync(site, await site.UnitIdAsync(unitCode), title, [definition ?? ScoredDefinition()], retired);

    /// <summary>A patient with a name and e-mail, enrolled at <paramref name="unitCode"/> with <paramref name="clinicianId"/> responsible.</summary>
    public static async Task<(Guid EnrolmentId, string Email)> EnrolPatientAsync(this SiteFactory site, string unitCode, string name,
        Guid clinicianId, EnrolmentStatus status = EnrolmentStatus.Active)
    {
        var unit = await site.UnitIdAsync(unitCode);
        var email = $"p-{Guid.NewGuid():N}@test.smartskola.se";
        return await site.WithScopeAsync(async sp =>
        {
            var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var today = SwedishTime.Today(site.Clock);
            // A real (test) personnummer, protected like the enrolment form does: the patient page decrypts it.
            Assert.True(Smartskola.Core.Patients.Personnummer.TryParse(TestPersonnummer.Next(), true, site.Clock, out var personnummer, out _));
            var protector = sp.GetRequiredService<Smartskola.Core.Patients.PersonnummerProtector>();
            var patient = new Patient
            {
                Id = Guid.NewGuid(), GivenName = name.Split(' ')[0], FamilyName = name.Split(' ')[1], PersonnummerCipher = protector.Protect(personnummer),
                PersonnummerHash = protector.LookupHash(personnummer), PersonnummerMasked = personnummer.Masked, Email = email, EmailVerified = true,
                CareUnitId = unit, CreatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, ProgramId = program.Item.ContentItemId, CareUnitId = unit, ClinicianId = clinicianId,
                StartDate = today.AddDays(-10), PlannedEndDate = today.AddDays(300), Status = status, CreatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            db.Patients.Add(patient);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            // Form notices go through the patient's notification settings: this patient opted in to e-mail.
            var settings = sp.GetRequiredService<Smartskola.Notifications.Data.NotificationsDbContext>();
            settings.PatientSettings.Add(new Smartskola.Notifications.Data.PatientNotificationSettings
            {
                PatientId = patient.Id, EmailEnabled = true, UpdatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            await settings.SaveChangesAsync();
            return (enrolment.Id, email);
        });
    }

    /// <summary>
    /// A submitted response to an assignment, scored by the real scorer (the answering branch writes these through its
    /// submit code; this stands in for it until the branches are merged).
    /// </summary>
    public static Task<Guid> SubmitAsync(this SiteFactory site, Guid assignmentId, Dictionary<string, string> answers, DateTime? atUtc = null) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId);
            var version = await sp.GetRequiredService<Smartskola.Forms.Templates.FormTemplateStore>()
                .GetVersionAsync(assignment.TemplateId, assignment.TemplateVersion);
            var values = new JsonObject();
            foreach (var (key, value) in answers)
            {
                values[key] = JsonValue.Create(value);
            }

            var formAnswers = new FormAnswers(values);
            var now = atUtc ?? site.Clock.GetUtcNow().UtcDateTime;
            var response = new FormResponse
            {
                Id = Guid.NewGuid(), AssignmentId = assignmentId, EnrolmentId = assignment.EnrolmentId, UnitId = assignment.UnitId,
                TemplateId = assignment.TemplateId, TemplateVersion = assignment.TemplateVersion, Status = ResponseStatus.Submitted,
                AnswersJson = formAnswers.ToJson(), ScoresJson = FormScorer.ToJson(FormScorer.Score(version!.Definition, formAnswers)),
                ScoringAlgorithm = FormScorer.Algorithm, StartedUtc = now, SavedUtc = now, SubmittedUtc = now, Revision = 1,
            };
            db.Responses.Add(response);
            assignment.Status = AssignmentStatus.Answered;
            await db.SaveChangesAsync();
            return response.Id;
        });

    public static Task<List<FormAssignment>> AssignmentsAsync(this SiteFactory site, Guid dispatchId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Assignments.AsNoTracking()
            .Where(a => a.DispatchId == dispatchId).OrderBy(a => a.AvailableOn).ToListAsync());

    public static Task<List<Smartskola.Core.Mail.OutboxMail>> MailsToAsync(this SiteFactory site, string email) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Core.Persistence.CoreDbContext>().OutboxMails.AsNoTracking()
            .Where(m => m.To == email).OrderBy(m => m.CreatedUtc).ToListAsync());
}
