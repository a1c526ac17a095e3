using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Design;
using Smartskola.Forms.Templates;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>
/// The template lifecycle through <see cref="TemplateDesigner"/> on a real database: drafts, publishing, versions that
/// never change, conflicts, sharing, subscribing, copying, retirement and text packs.
/// </summary>
public abstract class DesignTemplateTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private Task<T> Designer<T>(Func<TemplateDesigner, Task<T>> action) =>
        site.WithScopeAsync(sp => action(sp.GetRequiredService<TemplateDesigner>()));

    private Task Designer(Func<TemplateDesigner, Task> action) =>
        site.WithScopeAsync(async sp => { await action(sp.GetRequiredService<TemplateDesigner>()); return true; });

    private async Task<(Guid North, Guid East)> UnitsAsync() => (await site.UnitIdAsync("rehab-norra"), await site.UnitIdAsync("rehab-ostra"));

    /// <summary>A published v1 of a sound form owned by <paramref name="unit"/>.</summary>
    private async Task<string> PublishedAsync(Guid unit, FormDefinition? definition = null)
    {
        var units = new HashSet<Guid> { unit };
        var id = await Designer(d => d.CreateAsync(unit, units, "Smärtenkät"));
        var version = await Designer(d => d.SaveDraftAsync(id, units, "Smärtenkät", (definition ?? DesignValidatorTests.Sound()).ToJson(), 1));
        await Designer(d => d.PublishAsync(id, units, version));
        return id;
    }

    private Task<FormTemplate> RowAsync(string id) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Templates.AsNoTracking().SingleAsync(t => t.ContentItemId == id));

    [Fact]
    public async Task Create_save_and_publish_gives_new_ids_and_a_snapshot()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var id = await Designer(d => d.CreateAsync(north, units, "Sömnfrågor"));
        var draft = await Designer(d => d.LoadAsync(id, units));
        Assert.Equal(("Utkast", 1), (draft.Status, draft.LatestVersion));

        var definition = DesignValidatorTests.Sound();
        definition.Items.Add(new FormItem { Type = FormItemType.ShortText, Text = "Något mer?" });
        var saved = await Designer(d => d.SaveDraftAsync(id, units, "Sömnfrågor", definition.ToJson(), 1));
        var loaded = await Designer(d => d.LoadAsync(id, units));
        Assert.Equal("f6", loaded.Definition.Items[^1].Id);
        Assert.Equal(7, loaded.Definition.NextId);

        await Designer(d => d.PublishAsync(id, units, saved));
        Assert.Equal($"Publicerad v{saved}", (await Designer(d => d.LoadAsync(id, units))).Status);
        var snapshot = await site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetVersionAsync(id, saved));
        Assert.Equal("Något mer?", snapshot!.Definition.Find("f6")!.Text);
    }

    [Fact]
    public async Task An_invalid_definition_is_not_published_and_every_problem_is_listed()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var id = await Designer(d => d.CreateAsync(north, units, "Trasig"));
        var bad = DesignValidatorTests.Sound();
        bad.Items[1].Step = 0;
        bad.Items[2].ShowWhen!.Rules[0].Value = "9";
        var version = await Designer(d => d.SaveDraftAsync(id, units, "Trasig", bad.ToJson(), 1));

        var refused = await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.PublishAsync(id, units, version)));
        Assert.Equal(422, refused.Status);
        Assert.Equal(["f2", "f3"], refused.Problems.Select(p => p.ItemId).Order());
        Assert.Equal("Utkast", (await Designer(d => d.LoadAsync(id, units))).Status);
    }

    [Fact]
    public async Task A_concurrent_save_is_a_409_and_the_first_save_is_kept()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var id = await Designer(d => d.CreateAsync(north, units, "Samtidigt"));
        var first = DesignValidatorTests.Sound();
        first.Items[0].Text = "Första redaktören";
        await Designer(d => d.SaveDraftAsync(id, units, "Samtidigt", first.ToJson(), 1));

        var second = DesignValidatorTests.Sound();
        second.Items[0].Text = "Andra redaktören";
        var conflict = await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.SaveDraftAsync(id, units, "Samtidigt", second.ToJson(), 1)));
        Assert.Equal(409, conflict.Status);
        Assert.Contains("Någon annan har ändrat", conflict.Message);
        Assert.Equal("Första redaktören", (await Designer(d => d.LoadAsync(id, units))).Definition.Items[0].Text);
    }

    [Fact]
    public async Task Another_units_designer_gets_404()
    {
        var (north, east) = await UnitsAsync();
        var id = await PublishedAsync(north);
        var eastOnly = new HashSet<Guid> { east };
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.LoadAsync(id, eastOnly)))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() =>
            Designer(d => d.SaveDraftAsync(id, eastOnly, "Kapad", "{}", 2)))).Status);
        var row = await RowAsync(id);
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.RetireAsync(id, eastOnly, row.Version)))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() =>
            Designer(d => d.ShareAsync(id, eastOnly, SharingScope.AllUnits, [], row.Version)))).Status);
    }

    /// <summary>MUST-SHOW: "A published template cannot be changed in place; answers stay bound to their version after a new version."</summary>
    [Fact]
    public async Task A_published_version_never_changes_and_answers_stay_bound_to_it()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var id = await PublishedAsync(north);
        var v1 = await site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetVersionAsync(id, 2));
        Assert.NotNull(v1);

        // A response answered against the published version.
        var responseId = Guid.NewGuid();
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            var assignment = new FormAssignment
            {
                Id = Guid.NewGuid(), EnrolmentId = Guid.NewGuid(), UnitId = north, TemplateId = id, TemplateVersion = v1!.Version,
                AvailableOn = new DateOnly(2026, 11, 1), Status = AssignmentStatus.Answered, CreatedUtc = DateTime.UtcNow,
            };
            db.Assignments.Add(assignment);
            db.Responses.Add(new FormResponse
            {
                Id = responseId, AssignmentId = assignment.Id, EnrolmentId = assignment.EnrolmentId, UnitId = north, TemplateId = id,
                TemplateVersion = v1.Version, Status = ResponseStatus.Submitted, AnswersJson = "{\"f1\":\"2\"}",
                StartedUtc = DateTime.UtcNow, SavedUtc = DateTime.UtcNow, SubmittedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        // Editing creates a new draft version on top; the published one is untouched.
        var changed = v1!.Definition.Clone();
        changed.Items[0].Text = "Hur ofta nu?";
        changed.Items[0].Options.Add(new FormOption { Code = "3", Text = "Alltid", Score = 5 });
        var draft = await Designer(d => d.SaveDraftAsync(id, units, "Smärtenkät 2", changed.ToJson(), v1.Version));
        Assert.Equal(v1.Version + 1, draft);
        var designed = await Designer(d => d.LoadAsync(id, units));
        Assert.Equal($"Ändrat utkast över v{v1.Version}", designed.Status);
        var stillV1 = await site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetNewestPublishedAsync(id));
        Assert.Equal((v1.Version, "Hur ofta?", "Smärtenkät"), (stillV1!.Version, stillV1.Definition.Items[0].Text, stillV1.Title));

        await Designer(d => d.PublishAsync(id, units, draft));
        var newest = await site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetNewestPublishedAsync(id));
        Assert.Equal((draft, "Hur ofta nu?"), (newest!.Version, newest.Definition.Items[0].Text));

        // The response still reads the definition it answered.
        var (bound, definition) = await site.WithScopeAsync(async sp =>
        {
            var response = await sp.GetRequiredService<FormsDbContext>().Responses.AsNoTracking().SingleAsync(r => r.Id == responseId);
            var version = await sp.GetRequiredService<FormTemplateStore>().GetVersionAsync(response.TemplateId, response.TemplateVersion);
            return (response.TemplateVersion, version!.Definition);
        });
        Assert.Equal(v1.Version, bound);
        Assert.Equal("Hur ofta?", definition.Items[0].Text);
        Assert.Equal(2, definition.Items[0].Options.Count);
        Assert.Equal(v1.Definition.ToJson(), definition.ToJson());
    }

    [Fact]
    public async Task Private_templates_cannot_be_subscribed_and_chosen_units_only_reach_those_chosen()
    {
        var (north, east) = await UnitsAsync();
        var eastOnly = new HashSet<Guid> { east };
        var id = await PublishedAsync(north);
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.SubscribeAsync(id, east, eastOnly, Guid.NewGuid())))).Status);
        Assert.DoesNotContain(await Designer(d => d.SharedWithAsync(east)), s => s.Template.ContentItemId == id);

        // The demo has two units: share with a unit that is not östra.
        var other = Guid.NewGuid();
        await Designer(async d => await d.ShareAsync(id, new HashSet<Guid> { north }, SharingScope.ChosenUnits, [other], (await RowAsync(id)).Version));
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.SubscribeAsync(id, east, eastOnly, Guid.NewGuid())))).Status);

        await Designer(async d => await d.ShareAsync(id, new HashSet<Guid> { north }, SharingScope.ChosenUnits, [east], (await RowAsync(id)).Version));
        await Designer(d => d.SubscribeAsync(id, east, eastOnly, Guid.NewGuid()));
        Assert.Contains(await Designer(d => d.SharedWithAsync(east)), s => s.Template.ContentItemId == id && s.Subscribed);

        // The owner cannot subscribe to its own template.
        var own = await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.SubscribeAsync(id, north, new HashSet<Guid> { north }, Guid.NewGuid())));
        Assert.Equal(422, own.Status);
    }

    [Fact]
    public async Task A_stale_sharing_form_is_a_409()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var id = await PublishedAsync(north);
        var stale = (await RowAsync(id)).Version;
        await Designer(d => d.ShareAsync(id, units, SharingScope.AllUnits, [], stale));
        var conflict = await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.ShareAsync(id, units, SharingScope.Private, [], stale)));
        Assert.Equal(409, conflict.Status);
        Assert.Equal(SharingScope.AllUnits, (await RowAsync(id)).Scope);
    }

    [Fact]
    public async Task A_subscriber_always_gets_the_newest_published_version()
    {
        var (north, east) = await UnitsAsync();
        var northOnly = new HashSet<Guid> { north };
        var id = await PublishedAsync(north);
        await Designer(async d => await d.ShareAsync(id, northOnly, SharingScope.AllUnits, [], (await RowAsync(id)).Version));
        await Designer(d => d.SubscribeAsync(id, east, new HashSet<Guid> { east }, Guid.NewGuid()));
        var first = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, east));
        Assert.True(first.Ok, first.Refusal);

        var designed = await Designer(d => d.LoadAsync(id, northOnly));
        var changed = designed.Definition.Clone();
        changed.Items[0].Text = "Ny lydelse";
        var v = await Designer(d => d.SaveDraftAsync(id, northOnly, "Smärtenkät", changed.ToJson(), designed.LatestVersion));
        var beforePublish = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, east));
        Assert.Equal(first.Usable!.Version.Version, beforePublish.Usable!.Version.Version);
        await Designer(d => d.PublishAsync(id, northOnly, v));
        var after = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, east));
        Assert.Equal((v, "Ny lydelse"), (after.Usable!.Version.Version, after.Usable.Version.Definition.Items[0].Text));
    }

    [Fact]
    public async Task A_copy_is_the_units_own_draft_and_remembers_its_origin()
    {
        var (north, east) = await UnitsAsync();
        var eastOnly = new HashSet<Guid> { east };
        var id = await PublishedAsync(north);
        Assert.Equal(404, (await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.CopyAsync(id, east, eastOnly)))).Status);
        await Designer(async d => await d.ShareAsync(id, new HashSet<Guid> { north }, SharingScope.AllUnits, [], (await RowAsync(id)).Version));

        var copyId = await Designer(d => d.CopyAsync(id, east, eastOnly));
        var copy = await Designer(d => d.LoadAsync(copyId, eastOnly));
        var published = (await Designer(d => d.LoadAsync(id, new HashSet<Guid> { north }))).PublishedVersion;
        Assert.Equal(("Smärtenkät (kopia)", "Utkast", east), (copy.Title, copy.Status, copy.Template.OwnerUnitId));
        Assert.Equal((id, published), (copy.Template.CopiedFromId, copy.Template.CopiedFromVersion));
        Assert.Equal(DesignValidatorTests.Sound().Items[0].Text, copy.Definition.Items[0].Text);
        Assert.False((await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(copyId, east))).Ok);
    }

    [Fact]
    public async Task A_retired_template_cannot_be_dispatched_until_reinstated()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var id = await PublishedAsync(north);
        Assert.True((await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, north))).Ok);
        await Designer(async d => await d.RetireAsync(id, units, (await RowAsync(id)).Version));
        Assert.Equal("Avvecklad", (await Designer(d => d.LoadAsync(id, units))).Status);
        var refused = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, north));
        Assert.Equal("Formulärmallen är avvecklad och kan inte skickas.", refused.Refusal);
        await Designer(async d => await d.ReinstateAsync(id, units, (await RowAsync(id)).Version));
        Assert.True((await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, north))).Ok);
    }

    [Fact]
    public async Task An_instrument_needs_a_complete_text_pack_whose_wording_is_then_applied()
    {
        var (north, _) = await UnitsAsync();
        var units = new HashSet<Guid> { north };
        var instrument = DesignValidatorTests.Sound();
        instrument.Instrument = "hads";
        instrument.Items[0].Text = "[Fråga 1]";
        var id = await PublishedAsync(north, instrument);
        var refused = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, north));
        Assert.False(refused.Ok);
        Assert.Contains("textpaket", refused.Refusal);

        var keys = TextPacks.RequiredKeys(instrument);
        var texts = keys.ToDictionary(k => k, k => $"Licensierad {k}");
        var incomplete = texts.Where(t => t.Key != "f1.2").ToDictionary();
        var missing = await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.SaveTextPackAsync(id, north, units, incomplete, "Licens 2026-17", null)));
        Assert.Equal(422, missing.Status);
        Assert.False((await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, north))).Ok);

        await Designer(d => d.SaveTextPackAsync(id, north, units, texts, "Licens 2026-17", null));
        var ok = await site.WithScopeAsync(sp => sp.GetRequiredService<TemplateUse>().CanDispatchAsync(id, north));
        Assert.True(ok.Ok, ok.Refusal);
        Assert.Equal("Licensierad f1", ok.Usable!.Version.Definition.Items[0].Text);
        Assert.Equal("Licensierad f1.2", ok.Usable.Version.Definition.Items[0].Options[1].Text);

        // A second editor's stale form does not overwrite the pack.
        var conflict = await Assert.ThrowsAsync<DesignException>(() => Designer(d => d.SaveTextPackAsync(id, north, units, texts, "Annan", null)));
        Assert.Equal(409, conflict.Status);
    }
}

public sealed class SqliteDesignTemplateTests(SqliteSite site) : DesignTemplateTests<SqliteSite>(site);

public sealed class PostgresDesignTemplateTests(PostgresSite site) : DesignTemplateTests<PostgresSite>(site);
