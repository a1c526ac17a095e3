using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Patients;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Forms;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>
/// Templates, patients and submitted responses written straight into the databases: a Formularmall content item
/// published once per definition (so the snapshot handler keeps each version), its FormTemplate row, and a
/// dispatch/assignment/response per answer.
/// </summary>
public static class ExportSeed
{
    /// <summary>Publishes each definition as the next version; returns the template id.</summary>
    public static Task<string> PublishTemplateAsync(this SiteFactory site, Guid ownerUnit, string title, params FormDefinition[] versions) =>
        FormTemplateSeed.PublishAsync(site, ownerUnit, title, versions);

    public static Task<List<int>> PublishedVersionsAsync(this SiteFactory site, string templateId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Versions.AsNoTracking()
            .Where(v => v.TemplateId == templateId).OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());

    /// <summary>A patient with a real (test) personnummer, enrolled in <paramref name="unit"/>.</summary>
    public static Task<(Guid EnrolmentId, string Personnummer)> EnrolPatientAsync(this SiteFactory site, Guid unit, string given, string family) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var protector = sp.GetRequiredService<PersonnummerProtector>();
            var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
            var number = Personnummer.FromNormalized(TestPersonnummer.Next().Replace("-", string.Empty, StringComparison.Ordinal));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var patient = new Patient
            {
                Id = Guid.NewGuid(), GivenName = given, FamilyName = family, PersonnummerCipher = protector.Protect(number),
                PersonnummerHash = protector.LookupHash(number), PersonnummerMasked = number.Masked, CareUnitId = unit,
                CreatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, ProgramId = program.Item.ContentItemId, CareUnitId = unit, ClinicianId = Guid.NewGuid(),
                StartDate = today, PlannedEndDate = today.AddDays(365), Status = EnrolmentStatus.Active, CreatedUtc = DateTime.UtcNow,
                Version = Guid.NewGuid(),
            };
            db.Patients.Add(patient);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return (enrolment.Id, number.ToString());
        });

    /// <summary>A submitted response (with its dispatch and assignment), scored like the answering code does.</summary>
    public static Task<Guid> RespondAsync(this SiteFactory site, string templateId, int version, FormDefinition definition,
        Guid unit, Guid enrolmentId, string answersJson, DateTime submittedUtc, ResponseStatus status = ResponseStatus.Submitted) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            var dispatch = new FormDispatch
            {
                Id = Guid.NewGuid(), TemplateId = templateId, TemplateVersion = version, UnitId = unit, CreatedBy = Guid.NewGuid(),
                CreatedByName = "Test", CreatedUtc = submittedUtc.AddDays(-1), RecipientsText = "Test",
            };
            var assignment = new FormAssignment
            {
                Id = Guid.NewGuid(), DispatchId = dispatch.Id, EnrolmentId = enrolmentId, UnitId = unit, TemplateId = templateId,
                TemplateVersion = version, AvailableOn = DateOnly.FromDateTime(submittedUtc), Status = AssignmentStatus.Answered,
                CreatedUtc = submittedUtc.AddDays(-1),
            };
            var answers = FormAnswers.FromJson(answersJson);
            var scores = FormScorer.Score(definition, answers);
            var response = new FormResponse
            {
                Id = Guid.NewGuid(), AssignmentId = assignment.Id, EnrolmentId = enrolmentId, UnitId = unit, TemplateId = templateId,
                TemplateVersion = version, Status = status, AnswersJson = answers.ToJson(),
                ScoresJson = scores.Count > 0 ? FormScorer.ToJson(scores) : null, ScoringAlgorithm = FormScorer.Algorithm,
                StartedUtc = submittedUtc.AddHours(-1), SavedUtc = submittedUtc,
                SubmittedUtc = status == ResponseStatus.Submitted ? submittedUtc : null, Revision = 1,
            };
            db.Dispatches.Add(dispatch);
            db.Assignments.Add(assignment);
            db.Responses.Add(response);
            await db.SaveChangesAsync();
            return response.Id;
        });

    /// <summary>A template with every item type, conditions of every operator and one scale.</summary>
    public static FormDefinition EveryType() => FormDefinition.FromJson("""
    {
      "items": [
        { "id": "f1", "type": "display", "text": "Läs noga." },
        { "id": "f2", "type": "shortText", "text": "Namn på besvär", "maxLength": 100, "required": true },
        { "id": "f3", "type": "longText", "text": "Beskriv din smärta" },
        { "id": "f4", "type": "singleChoice", "text": "Hur ofta?", "options": [
          { "code": "0", "text": "Aldrig", "score": 0 }, { "code": "1", "text": "Ibland", "score": 1 }, { "code": "2", "text": "Ofta", "score": 2 } ] },
        { "id": "f5", "type": "multipleChoice", "text": "Var sitter smärtan?", "options": [
          { "code": "a", "text": "Rygg" }, { "code": "b", "text": "Nacke" }, { "code": "c", "text": "Knä" } ] },
        { "id": "f6", "type": "yesNo", "text": "Sover du bra?" },
        { "id": "f7", "type": "integer", "text": "Antal dagar", "min": 0, "max": 7 },
        { "id": "f8", "type": "decimal", "text": "Timmar sömn" },
        { "id": "f9", "type": "slider", "text": "Smärta nu", "min": 0, "max": 10, "step": 1, "minLabel": "Ingen", "maxLabel": "Värsta" },
        { "id": "f10", "type": "date", "text": "Datum" },
        { "id": "f11", "type": "time", "text": "Läggdags" },
        { "id": "f12", "type": "group", "text": "Mer om sömnen", "items": [
          { "id": "f13", "type": "shortText", "text": "Vad hjälper?", "showWhen": { "match": "all", "rules": [ { "itemId": "f6", "operator": "equals", "value": "ja" } ] } },
          { "id": "f14", "type": "integer", "text": "Uppvaknanden", "showWhen": { "match": "all", "rules": [
            { "itemId": "f4", "operator": "equals", "value": "2" }, { "itemId": "f7", "operator": "greater", "value": "3" } ] } }
        ] },
        { "id": "f15", "type": "repeatingGroup", "text": "Träning", "maxRows": 5, "items": [
          { "id": "f16", "type": "shortText", "text": "Övning" }, { "id": "f17", "type": "integer", "text": "Minuter" } ] },
        { "id": "f18", "type": "slider", "text": "Andel", "min": 0, "max": 1, "step": 0.1 },
        { "id": "f19", "type": "decimal", "text": "Extra", "readOnly": true, "showWhen": { "match": "any", "rules": [
          { "itemId": "f5", "operator": "exists" }, { "itemId": "f10", "operator": "equals", "value": "2026-01-01" },
          { "itemId": "f11", "operator": "less", "value": "12:00" }, { "itemId": "f3", "operator": "notEquals", "value": "x" },
          { "itemId": "f8", "operator": "greater", "value": "1.5" }, { "itemId": "f9", "operator": "less", "value": "3" },
          { "itemId": "f18", "operator": "greater", "value": "0.5" } ] } }
      ],
      "scoring": { "scales": [ { "id": "total", "name": "Totalt", "method": "sum", "itemIds": [ "f4", "f9" ],
        "bands": [ { "from": 0, "to": 5, "label": "Låg" }, { "from": 6, "to": 12, "label": "Hög" } ] } ] },
      "nextId": 20
    }
    """);

    public const string EveryTypeAnswers = """
    { "f2": "=cmd|' /C calc'!A0", "f3": "Åsa sa \"aj\"; ömt\nrad två", "f4": "2", "f5": ["a", "c"], "f6": "ja", "f7": 5,
      "f8": 2.5, "f9": 7, "f10": "2026-11-01", "f11": "22:30", "f13": "Värme och vila", "f14": 4,
      "f15": [ { "f16": "Gång", "f17": 30 }, { "f16": "Cykel", "f17": 20 } ], "f18": 0.4, "f19": 1.25 }
    """;
}
