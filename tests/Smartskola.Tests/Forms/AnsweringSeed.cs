using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>Templates and assignments for the answering tests, made the way the designer and a dispatch make them.</summary>
public static class AnsweringSeed
{
    public const string PainNow = "Har du ont just nu?";
    public const string Where = "Beskriv var det gör ont";
    public const string Reflection = "Vad vill du ta med dig från modulen?";

    /// <summary>A yes/no question whose "ja" shows a required follow-up, a pain slider and a free reflection.</summary>
    public static FormDefinition ConditionalForm() => new()
    {
        Intro = "Några frågor om hur du mår.",
        Items =
        [
            new FormItem { Id = "f1", Type = FormItemType.YesNo, Text = PainNow, Required = true },
            new FormItem
            {
                Id = "f2", Type = FormItemType.LongText, Text = Where, Required = true,
                ShowWhen = new FormCondition { Rules = [new ConditionRule { ItemId = "f1", Operator = ConditionOperator.Equals, Value = "ja" }] },
            },
            new FormItem
            {
                Id = "f3", Type = FormItemType.Slider, Text = "Hur ont gör det?", Min = 0, Max = 10, Step = 1,
                MinLabel = "Ingen smärta", MaxLabel = "Värsta tänkbara smärta",
            },
            new FormItem { Id = "f4", Type = FormItemType.LongText, Text = Reflection },
        ],
        NextId = 5,
    };

    public const string Bedtime = "När gick du och lade dig?";

    /// <summary>
    /// A once-a-day sleep diary like the recipe's: bedtime, wake-up, minutes to fall asleep and awake, with sleep
    /// efficiency derived and a "Vaken tid" score (minutes to fall asleep + minutes awake).
    /// </summary>
    public static FormDefinition SleepDiary() => new()
    {
        Items =
        [
            new FormItem { Id = "in", Type = FormItemType.Time, Text = Bedtime, Required = true },
            new FormItem { Id = "up", Type = FormItemType.Time, Text = "När steg du upp?", Required = true },
            new FormItem { Id = "latency", Type = FormItemType.Integer, Text = "Hur länge tog det att somna?", Unit = "minuter" },
            new FormItem { Id = "awake", Type = FormItemType.Integer, Text = "Hur länge var du vaken i natt?", Unit = "minuter" },
        ],
        Scoring = new FormScoring
        {
            Scales = [new ScoreScale { Id = "vaken", Name = "Vaken tid", Method = ScoreMethod.Sum, ItemIds = ["latency", "awake"], MinAnswered = 1 }],
        },
        Diary = new DiarySettings
        {
            Frequency = DiaryFrequency.OncePerDay,
            Derived = [new DerivedValue { Id = "se", Label = "Sömneffektivitet", Kind = DerivedKind.SleepEfficiency, ItemIds = ["in", "up", "latency", "awake"], Unit = "%" }],
        },
    };

    /// <summary>A diary date as the entry's address carries it: today minus <paramref name="daysAgo"/> in Swedish time.</summary>
    public static string Day(SiteFactory site, int daysAgo) =>
        SwedishTime.Today(site.Clock).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A published Formularmall owned by the northern unit; returns its content item id.</summary>
    public static async Task<string> TemplateAsync(SiteFactory site, FormDefinition definition, string title) =>
        await FormTemplateSeed.PublishAsync(site, await site.UnitIdAsync(DemoUsers.UnitNorth), title, [definition]);

    /// <summary>Dispatches the template's first version to a demo patient (by given name); returns the assignment id.</summary>
    public static Task<Guid> AssignAsync(SiteFactory site, string templateId, string givenName = "Patrik", int availableInDays = 0) =>
        site.WithScopeAsync(async sp =>
        {
            var enrolments = sp.GetRequiredService<EnrolmentDbContext>();
            var enrolment = await enrolments.Enrolments
                .Where(e => enrolments.Patients.Any(p => p.Id == e.PatientId && p.GivenName == givenName)).SingleAsync();
            var db = sp.GetRequiredService<FormsDbContext>();
            var now = site.Clock.GetUtcNow().UtcDateTime;
            var dispatch = new FormDispatch
            {
                Id = Guid.NewGuid(), TemplateId = templateId, TemplateVersion = 1, UnitId = enrolment.CareUnitId, CreatedUtc = now,
                CreatedByName = "Test", RecipientsText = givenName,
            };
            var assignment = new FormAssignment
            {
                Id = Guid.NewGuid(), DispatchId = dispatch.Id, EnrolmentId = enrolment.Id, UnitId = enrolment.CareUnitId,
                TemplateId = templateId, TemplateVersion = 1, AvailableOn = SwedishTime.Today(site.Clock).AddDays(availableInDays),
                DueOn = SwedishTime.Today(site.Clock).AddDays(availableInDays + 7), CreatedUtc = now,
            };
            db.Dispatches.Add(dispatch);
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    /// <summary>Adds the template to a module's Formular picks and publishes the module; returns the module's item id.</summary>
    public static Task<string> AttachToModuleAsync(SiteFactory site, int moduleNumber, string templateId) => site.WithScopeAsync(async sp =>
    {
        var program = await sp.GetRequiredService<Smartskola.Curriculum.Reading.CurriculumLoader>().LoadAsync(latest: false);
        var moduleId = program!.ModuleByNumber(moduleNumber)!.Id;
        var content = sp.GetRequiredService<ContentManager>();
        var item = (await content.GetLatestAsync(moduleId))!;
        var picks = item.Get<Smartskola.ContentManagement.Fields.ContentPickerFieldData>(
            Smartskola.Curriculum.CurriculumTypes.Module, Smartskola.Curriculum.CurriculumTypes.FormsField);
        picks.ContentItemIds.Add(templateId);
        item.Set(Smartskola.Curriculum.CurriculumTypes.Module, Smartskola.Curriculum.CurriculumTypes.FormsField, picks);
        await content.SaveAsync(item, item.VersionNumber, SaveMode.Publish);
        return moduleId;
    });

    public static Task<List<FormResponse>> ResponsesAsync(SiteFactory site, Guid assignmentId) => site.WithScopeAsync(sp =>
        sp.GetRequiredService<FormsDbContext>().Responses.AsNoTracking().Where(r => r.AssignmentId == assignmentId).ToListAsync());

    public static Task<FormAssignment> AssignmentAsync(SiteFactory site, Guid assignmentId) => site.WithScopeAsync(sp =>
        sp.GetRequiredService<FormsDbContext>().Assignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId));
}
