using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Data;
using Smartskola.Core.Recipes;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;
using Smartskola.Recipes.Services;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.RecipeFormChecks;

namespace Smartskola.Tests.Forms;

/// <summary>The forms a fresh site gets from the default recipe, and the recipe's <c>formTemplates</c> step.</summary>
public abstract class RecipeFormsTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Placeholder = "(licensierad text läggs in av enheten)";

    private Task<TemplateVersion?> PublishedAsync(string id) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetNewestPublishedAsync(id));

    private Task RunAsync(string json) =>
        site.Services.GetRequiredService<RecipeRunner>().RunAsync(Encoding.UTF8.GetBytes(json), AppContext.BaseDirectory, isSetup: false);

    [Fact]
    public async Task Each_module_page_lists_the_forms_of_the_method_guide_in_order()
    {
        using var patient = site.CreateSiteClient();
        await patient.LoginAsync(DemoUsers.Patient);
        foreach (var (number, titles) in FormsByModule)
        {
            var module = await patient.GetPageAsync($"/program/modul/{number}");
            Assert.Equal(HttpStatusCode.OK, module.Status);
            Assert.Equal("Formulär att fylla i", module.Text("[data-testid=module-forms] h2"));
            // A status ("Inte påbörjat") may follow the title once the forms module lists the patient's own progress.
            var listed = module.Document.QuerySelectorAll("[data-testid=module-forms] li").Select(li =>
                Page.Collapse(li.TextContent.Replace(li.QuerySelector(".read-mark")?.TextContent ?? "\u0000", ""))).ToArray();
            Assert.Equal(titles, listed);
        }
    }

    [Fact]
    public async Task Every_recipe_template_is_published_owned_by_north_for_all_units_and_structurally_sound()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var rows = await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Templates.AsNoTracking()
            .Where(t => TemplateIds.Contains(t.ContentItemId)).ToListAsync());
        Assert.Equal(TemplateIds.Length, rows.Count);
        Assert.All(rows, row => Assert.Equal((north, SharingScope.AllUnits), (row.OwnerUnitId, row.Scope)));

        var titles = new List<string>();
        foreach (var id in TemplateIds)
        {
            var version = await PublishedAsync(id);
            Assert.NotNull(version);
            titles.Add(version.Title);
            Assert.True(version.Definition.Items.Count > 0, version.Title);
            Assert.Empty(Problems(version.Definition).Select(p => $"{version.Title}: {p}"));
        }

        Assert.Equal(FormsByModule.Values.SelectMany(t => t).Append("HADS").Append("EQ-5D-5L"), titles);
    }

    [Fact]
    public async Task The_diaries_have_their_entries_settings_and_derived_values()
    {
        var byTitle = new Dictionary<string, FormDefinition>();
        foreach (var id in TemplateIds)
        {
            var version = (await PublishedAsync(id))!;
            byTitle[version.Title] = version.Definition;
        }

        var training = byTitle["Träningsdagbok"];
        Assert.Equal(DiaryFrequency.OncePerDay, training.Diary!.Frequency);
        var rows = Assert.Single(training.Items, i => i.Type == FormItemType.RepeatingGroup);
        var minutes = Assert.Single(rows.Items, i => i.Type == FormItemType.Integer);
        Assert.Equal((DerivedKind.Sum, minutes.Id), (training.Diary.Derived.Single().Kind, training.Diary.Derived.Single().ItemIds.Single()));
        Assert.Equal(2, training.Items.Count(i => i.Type == FormItemType.Slider));

        Assert.Equal(DiaryFrequency.SeveralPerDay, byTitle["Aktivitetslogg"].Diary!.Frequency);

        var sleep = byTitle["Sömndagbok"];
        Assert.Equal(DiaryFrequency.OncePerDay, sleep.Diary!.Frequency);
        Assert.Equal([DerivedKind.MinutesBetween, DerivedKind.SleepEfficiency], sleep.Diary.Derived.Select(d => d.Kind));
        var efficiency = sleep.Diary.Derived[1].ItemIds.Select(id => sleep.Find(id)!.Type).ToList();
        Assert.Equal([FormItemType.Time, FormItemType.Time, FormItemType.Integer, FormItemType.Integer], efficiency);
        Assert.Equal(4, sleep.AllItems().Count(i => i.Type == FormItemType.Time));
        Assert.Contains(sleep.AllItems(), i => i.Type == FormItemType.SingleChoice && i.Options.Count == 5);

        // Reflection forms are answered once; each has one or more conditional follow-ups between them all.
        var reflections = byTitle.Where(f => f.Key.StartsWith("Reflektions", StringComparison.Ordinal)).Select(f => f.Value).ToList();
        Assert.Equal(13, reflections.Count);
        Assert.All(reflections, r => Assert.Null(r.Diary));
        Assert.All(reflections, r => Assert.InRange(r.AllItems().Count(i => i.Type == FormItemType.LongText), 3, 6));
        Assert.Contains(reflections, r => r.AllItems().Any(i => i.ShowWhen is not null));
    }

    [Fact]
    public async Task Hads_scores_anxiety_and_depression_by_the_published_key()
    {
        var hads = (await PublishedAsync(Hads))!.Definition;
        Assert.Equal("hads", hads.Instrument);
        Assert.Equal(14, hads.Items.Count);

        // The score of the first printed alternative (code 0) of each item; the others step down or up by one.
        int[] firstScore = [3, 0, 3, 0, 3, 3, 0, 3, 0, 3, 3, 0, 3, 0];
        for (var n = 1; n <= 14; n++)
        {
            var expected = Enumerable.Range(0, 4).Select(c => (decimal)(firstScore[n - 1] == 0 ? c : 3 - c));
            Assert.Equal(expected, hads.Find($"f{n}")!.Options.Select(o => o.Score!.Value));
        }

        static FormAnswers All(string code) => new(new JsonObject(Enumerable.Range(1, 14)
            .Select(n => KeyValuePair.Create($"f{n}", (JsonNode?)JsonValue.Create(code)))));

        var firstAlternatives = FormScorer.Score(hads, All("0"));
        Assert.Equal(("HADS-A", 15m, "Troliga tecken"), (firstAlternatives[0].Name, firstAlternatives[0].Value, firstAlternatives[0].Band));
        Assert.Equal(("HADS-D", 9m, "Möjliga tecken"), (firstAlternatives[1].Name, firstAlternatives[1].Value, firstAlternatives[1].Band));

        var lastAlternatives = FormScorer.Score(hads, All("3"));
        Assert.Equal((6m, "Inga tecken"), (lastAlternatives[0].Value, lastAlternatives[0].Band));
        Assert.Equal((12m, "Troliga tecken"), (lastAlternatives[1].Value, lastAlternatives[1].Band));

        var mixed = All("1");
        mixed.Values["f7"] = "3";
        mixed.Values["f2"] = "2";
        var scores = FormScorer.Score(hads, mixed);
        // Anxiety: five items at 2 (first alternative scores 3) + item 7 at 3 + item 9 at 1 = 14.
        Assert.Equal((14m, "Troliga tecken"), (scores[0].Value, scores[0].Band));
        // Depression: items 4, 12, 14 at 1, item 2 at 2, items 6, 8, 10 at 2 = 11.
        Assert.Equal((11m, "Troliga tecken"), (scores[1].Value, scores[1].Band));

        mixed.Values.Remove("f13");
        Assert.Null(FormScorer.Score(hads, mixed)[0].Value);
    }

    [Fact]
    public async Task The_instruments_carry_placeholder_wording_only()
    {
        foreach (var id in new[] { Hads, Eq5d })
        {
            var definition = (await PublishedAsync(id))!.Definition;
            Assert.All(definition.AllItems(), item =>
            {
                Assert.EndsWith(Placeholder, item.Text);
                Assert.Null(item.Help);
                Assert.All(item.Options, o => Assert.Matches(@"^Alternativ \d$", o.Text));
                Assert.All(new[] { item.MinLabel, item.MaxLabel }.OfType<string>(), label => Assert.EndsWith(Placeholder, label));
            });
            Assert.True(definition.Intro is null || definition.Intro.EndsWith(Placeholder, StringComparison.Ordinal));
        }

        var eq = (await PublishedAsync(Eq5d))!.Definition;
        Assert.Equal("eq5d5l", eq.Instrument);
        Assert.Equal(5, eq.Items.Count(i => i.Type == FormItemType.SingleChoice && i.Options.Select(o => o.Code).SequenceEqual(["1", "2", "3", "4", "5"])
                                            && i.Options.All(o => o.Score is null)));
        var vas = Assert.Single(eq.Items, i => i.Type == FormItemType.Slider);
        Assert.Equal((0m, 100m), (vas.Min, vas.Max));
    }

    [Fact]
    public async Task An_instrument_is_refused_without_the_units_text_pack_and_sent_with_its_wording_with_one()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var refused = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(Hads, north));
        Assert.False(refused.Ok);
        Assert.Equal("Formuläret är ett licensierat instrument. Din vårdenhet behöver lägga in den licensierade texten (textpaket) innan det kan skickas.",
            refused.Refusal);

        var definition = (await PublishedAsync(Hads))!.Definition;
        var texts = TextPacks.RequiredKeys(definition).ToDictionary(key => key, key => $"Enhetens text {key}");
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            db.TextPacks.Add(new FormTextPack
            {
                Id = Guid.NewGuid(), UnitId = north, TemplateId = Hads, TextsJson = JsonSerializer.Serialize(texts),
                LicenceReference = "Testlicens 1", ModifiedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

        var allowed = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(Hads, north));
        Assert.True(allowed.Ok, allowed.Refusal);
        var first = allowed.Usable!.Version.Definition.Items[0];
        Assert.Equal("Enhetens text f1", first.Text);
        Assert.Equal("Enhetens text f1.2", first.Options[2].Text);
        // The other unit has no pack of its own: still refused.
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        Assert.False((await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(Hads, east))).Ok);
    }

    [Fact]
    public async Task The_subscribed_unit_can_use_every_patient_form_but_no_instrument_without_a_pack()
    {
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        var usable = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().UsableByUnitAsync(east));
        var fromRecipe = usable.Where(u => TemplateIds.Contains(u.Template.ContentItemId)).ToList();
        Assert.Equal(FormsByModule.Values.SelectMany(t => t).Order(StringComparer.Ordinal),
            fromRecipe.Select(u => u.Version.Title).Order(StringComparer.Ordinal));
        Assert.All(fromRecipe, u => Assert.True(u.Subscribed));
    }

    [Fact]
    public async Task Form_templates_step_refuses_an_unknown_unit_and_leaves_nothing_behind()
    {
        const string id = "5a0d1e0000000000000000000f00fff1";
        var error = await Assert.ThrowsAsync<RecipeStepException>(() => RunAsync($$"""
            { "name": "formular", "steps": [
              { "name": "content", "items": [ { "contentItemId": "{{id}}", "contentType": "Formularmall", "published": true,
                "content": { "TitlePart": { "title": "Testformulär" },
                  "FormDefinitionPart": { "definition": { "items": [ { "id": "f1", "type": "longText", "text": "Hur mår du?" } ], "nextId": 2 } } } } ] },
              { "name": "formTemplates", "templates": [ { "contentItemId": "{{id}}", "ownerUnit": "rehab-norra", "scope": "AllUnits", "subscribers": ["finns-inte"] } ] }
            ] }
            """));

        Assert.Equal("formTemplates: templates[0]: vårdenheten 'finns-inte' finns inte.", error.Message);
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<ContentDbContext>().ContentItems.AnyAsync(i => i.ContentItemId == id)));
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Templates.AnyAsync(t => t.ContentItemId == id)));
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Versions.AnyAsync(t => t.TemplateId == id)));
    }

    [Fact]
    public async Task Form_templates_step_refuses_other_content_and_a_bad_scope()
    {
        var program = await Assert.ThrowsAsync<RecipeStepException>(() => RunAsync("""
            { "name": "fel", "steps": [ { "name": "formTemplates", "templates": [ { "contentItemId": "5a0d1e000000000000000000000a0000", "ownerUnit": "rehab-norra" } ] } ] }
            """));
        Assert.Equal("formTemplates: templates[0]: '5a0d1e000000000000000000000a0000' är inte en formulärmall (Formularmall) utan 'Program'.", program.Message);

        var invalid = await Assert.ThrowsAsync<RecipeValidationException>(() => RunAsync($$"""
            { "name": "fel", "steps": [ { "name": "formTemplates", "templates": [ { "contentItemId": "{{Hads}}", "ownerUnit": "rehab-norra", "scope": "Alla" } ] } ] }
            """));
        Assert.Equal(["steps[0] (formTemplates): templates[0].scope: okänd delning 'Alla' (Private, ChosenUnits, AllUnits)."], invalid.Errors);
    }

    [Fact]
    public async Task Running_the_default_recipe_again_changes_no_ownership_and_duplicates_nothing()
    {
        var versionsBefore = await PublishedVersionsAsync();

        await site.Services.GetRequiredService<RecipeRunner>()
            .RunFileAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "smartskola.recipe.json"), isSetup: false);

        var (templates, subscriptions) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            return (await db.Templates.CountAsync(t => TemplateIds.Contains(t.ContentItemId)),
                await db.Subscriptions.CountAsync(s => TemplateIds.Contains(s.TemplateId)));
        });
        Assert.Equal((TemplateIds.Length, TemplateIds.Length), (templates, subscriptions));
        Assert.Equal("Reflektionsfrågor modul 1", (await PublishedAsync(TemplateIds[0]))!.Title);
        // Unchanged templates stay at their version: a re-run must not send patients' new answers to a "new" version.
        Assert.Equal(versionsBefore, await PublishedVersionsAsync());
    }

    private Task<List<string>> PublishedVersionsAsync() =>
        site.WithScopeAsync(async sp =>
        {
            var versions = await sp.GetRequiredService<FormsDbContext>().Versions
                .Where(v => TemplateIds.Contains(v.TemplateId)).Select(v => v.TemplateId + ":" + v.Version).ToListAsync();
            return versions.Order(StringComparer.Ordinal).ToList();
        });
}

public sealed class RecipeFormsTestsSqlite(SqliteSite site) : RecipeFormsTests<SqliteSite>(site);

public sealed class RecipeFormsTestsPostgres(PostgresSite site) : RecipeFormsTests<PostgresSite>(site);

/// <summary>The structural checks find what they are meant to find (so a sound recipe is not sound by accident).</summary>
public sealed class RecipeFormCheckTests
{
    [Fact]
    public void Broken_definitions_are_reported()
    {
        var definition = FormDefinition.FromJson("""
            { "items": [
              { "id": "f1", "type": "singleChoice", "text": "Val", "options": [ { "code": "a", "text": "A" }, { "code": "a", "text": "B" } ] },
              { "id": "f2", "type": "longText", "text": "Följdfråga", "showWhen": { "rules": [ { "itemId": "f3", "operator": "exists" } ] } },
              { "id": "f3", "type": "slider", "text": "Reglage", "min": 0, "max": 10 },
              { "id": "f3", "type": "yesNo", "text": "Dubblett" } ],
              "scoring": { "scales": [ { "id": "s", "name": "Summa", "itemIds": ["f1", "f9"] } ] }, "nextId": 3 }
            """);

        var problems = RecipeFormChecks.Problems(definition);

        Assert.Contains("f1: svarsalternativen saknas, saknar text eller har samma kod flera gånger", problems);
        Assert.Contains("f2: villkoret pekar på f3, som inte är en tidigare fråga", problems);
        Assert.Contains("f3: reglaget saknar gränser eller ändpunkternas text", problems);
        Assert.Contains("f3: id förekommer flera gånger", problems);
        Assert.Contains("poäng Summa: f9 finns inte eller ger inga poäng", problems);
        Assert.Contains("nextId 3 är inte större än högsta id f3", problems);
    }
}
