using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

/// <summary>The form designer in Chromium: building a template through the UI only (add, edit, drag, score), publishing it, and a refused publish.</summary>
public sealed partial class FormsDesignBrowserTests(BrowserSite site) : BrowserTest(site)
{
    public const string SliderText = "Hur ont gör det just nu?";
    public const string ChoiceText = "Hur ofta har du ont?";
    public const string FollowUpText = "Beskriv när det gör som mest ont.";
    public const string MinLabel = "Ingen smärta";
    public const string MaxLabel = "Värsta tänkbara smärta";

    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [GeneratedRegex("/admin/formular/([0-9a-z]{32})$")]
    private static partial Regex DesignerUrl();

    /// <summary>
    /// Creates a template at /admin/formular/ny and builds it in the designer (already signed-in page, a designer of
    /// unit norra): an NRS slider, a single choice 1/2/3 scored 0/1/2, a long text shown when the choice is "3"; drags
    /// the slider below the choice, adds a sum scale with two bands, saves and publishes. Returns the template id.
    /// Order afterwards: choice (f2), slider (f1), long text (f3).
    /// </summary>
    public static async Task<string> BuildAndPublishAsync(IPage page, string baseUrl, string title)
    {
        await page.GotoAsync(baseUrl + "/admin/formular/ny");
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByTestId("create").ClickAsync();
        await page.WaitForURLAsync(DesignerUrl());
        var id = DesignerUrl().Match(page.Url).Groups[1].Value;

        await AddItemAsync(page, "Skjutreglage");
        await page.GetByLabel("Frågetext", Exact).FillAsync(SliderText);
        await page.GetByRole(AriaRole.Button, new() { Name = "NRS 0–10" }).ClickAsync();
        await page.GetByLabel("Etikett vid minsta värdet", Exact).FillAsync(MinLabel);
        await page.GetByLabel("Etikett vid största värdet", Exact).FillAsync(MaxLabel);

        await AddItemAsync(page, "Enkelval");
        await page.GetByLabel("Frågetext", Exact).FillAsync(ChoiceText);
        string[] texts = ["Sällan", "Ibland", "Ofta"];
        for (var i = 1; i <= 3; i++)
        {
            await page.GetByTestId("add-option").ClickAsync();
            await page.GetByLabel($"Kod för alternativ {i}", Exact).FillAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel($"Text för alternativ {i}", Exact).FillAsync(texts[i - 1]);
            await page.GetByLabel($"Poäng för alternativ {i}", Exact).FillAsync((i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await AddItemAsync(page, "Lång text");
        await page.GetByLabel("Frågetext", Exact).FillAsync(FollowUpText);
        await page.GetByTestId("add-condition").ClickAsync();
        await page.GetByLabel("Fråga", Exact).SelectOptionAsync(new SelectOptionValue { Label = $"{ChoiceText} (f2)" });
        await page.GetByLabel("Villkor", Exact).SelectOptionAsync(new SelectOptionValue { Label = "är lika med" });
        await page.GetByLabel("Värde", Exact).SelectOptionAsync("3");

        // Drag the slider (first) below the choice by its handle.
        await Assertions.Expect(page.GetByTestId("designer-item")).ToHaveCountAsync(3);
        await DragAsync(page, page.Locator("#item-f1 [data-testid=drag-handle]"), page.Locator("#item-f2"));
        await Assertions.Expect(page.GetByTestId("designer-item").First).ToHaveAttributeAsync("data-id", "f2");
        Assert.Equal(["f2", "f1", "f3"], await ItemOrderAsync(page));

        // The keyboard alternative: up and back down again, the focus staying on the moved item's button.
        await page.Locator("#item-f1 [data-move=up]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-item").First).ToHaveAttributeAsync("data-id", "f1");
        await page.Locator("#item-f1 [data-move=down]").ClickAsync();
        await Assertions.Expect(page.Locator("#item-f1 [data-move=down]")).ToBeFocusedAsync();
        Assert.Equal(["f2", "f1", "f3"], await ItemOrderAsync(page));

        await page.GetByTestId("add-scale").ClickAsync();
        await page.GetByLabel("Namn", Exact).FillAsync("Smärtpoäng");
        await page.GetByLabel($"Ingår: {SliderText}", Exact).CheckAsync();
        await page.GetByLabel($"Ingår: {ChoiceText}", Exact).CheckAsync();
        foreach (var (n, from, to, label) in new[] { (1, "0", "5", "Låg"), (2, "6", "12", "Hög") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till intervall" }).ClickAsync();
            await page.GetByLabel($"Från i intervall {n}", Exact).FillAsync(from);
            await page.GetByLabel($"Till i intervall {n}", Exact).FillAsync(to);
            await page.GetByLabel($"Etikett i intervall {n}", Exact).FillAsync(label);
        }

        // The phone preview follows the unsaved definition.
        var preview = page.FrameLocator("#preview-frame");
        await Assertions.Expect(preview.GetByText(MinLabel)).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByText(MaxLabel)).ToBeVisibleAsync();

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Utkastet är sparat.");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("är publicerad");
        return id;
    }

    private static async Task AddItemAsync(IPage page, string typeName)
    {
        // With nothing selected a new item goes last in the form (a selected group would receive it).
        await page.GetByLabel("Typ av fråga").SelectOptionAsync(new SelectOptionValue { Label = typeName });
        await page.GetByTestId("add-item").ClickAsync();
    }

    private static async Task<string[]> ItemOrderAsync(IPage page) =>
        (await page.GetByTestId("designer-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)"));

    /// <summary>A real pointer drag (press, move in steps, release) so SortableJS sees it like a user's.</summary>
    private static async Task DragAsync(IPage page, ILocator handle, ILocator target)
    {
        // Mouse coordinates are the viewport's: bring the list on screen first, in the middle, away from the edges
        // where SortableJS scrolls the page during the drag (which moves the target under the pointer).
        await page.Locator("#designer-list").EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        var from = await handle.BoundingBoxAsync() ?? throw new InvalidOperationException("No handle.");
        var to = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("No target.");
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 + 5, new() { Steps = 3 });
        await page.Mouse.MoveAsync(to.X + 20, to.Y + to.Height * 0.8f, new() { Steps = 15 });
        await page.Mouse.MoveAsync(to.X + 20, to.Y + to.Height - 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task A_designer_builds_a_template_with_the_mouse_and_keyboard_and_publishes_it()
    {
        var page = await SignedInPageAsync(DemoUsers.FormDesigner);
        var id = await BuildAndPublishAsync(page, Site.BaseUrl, "Smärtenkät från byggaren");

        await page.GotoAsync(Site.BaseUrl + "/admin/formular");
        var row = page.Locator($"[data-testid=own-template][data-id='{id}']");
        // Version 1 is the empty draft made at /ny, the save made version 2, and publishing an unchanged draft keeps it.
        await Assertions.Expect(row.GetByTestId("template-status")).ToHaveTextAsync("Publicerad v2");

        var published = await Site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetNewestPublishedAsync(id));
        Assert.NotNull(published);
        var definition = published.Definition;
        Assert.Equal([FormItemType.SingleChoice, FormItemType.Slider, FormItemType.LongText], definition.Items.Select(i => i.Type));
        var choice = definition.Items[0];
        Assert.Equal(["1", "2", "3"], choice.Options.Select(o => o.Code));
        Assert.Equal([0m, 1m, 2m], choice.Options.Select(o => o.Score ?? -1));
        var slider = definition.Items[1];
        Assert.Equal((0m, 10m, 1m, MinLabel, MaxLabel), (slider.Min, slider.Max, slider.Step, slider.MinLabel, slider.MaxLabel));
        var rule = Assert.Single(definition.Items[2].ShowWhen!.Rules);
        Assert.Equal((choice.Id, ConditionOperator.Equals, "3"), (rule.ItemId, rule.Operator, rule.Value));
        var scale = Assert.Single(definition.Scoring.Scales);
        Assert.Equal(ScoreMethod.Sum, scale.Method);
        Assert.Equal(new[] { choice.Id, slider.Id }.Order(), scale.ItemIds.Order());
        Assert.Equal(["Låg", "Hög"], scale.Bands.Select(b => b.Label));
        Assert.Equal([(0m, 5m), (6m, 12m)], scale.Bands.Select(b => (b.From, b.To)));
        Assert.Equal(4, definition.NextId);
    }

    [Fact]
    public async Task A_choice_with_one_option_is_refused_on_publish_and_the_problem_leads_to_the_question()
    {
        var page = await SignedInPageAsync(DemoUsers.FormDesigner);
        await page.GotoAsync(Site.BaseUrl + "/admin/formular/ny");
        await page.GetByLabel("Titel").FillAsync("Ofullständig mall");
        await page.GetByTestId("create").ClickAsync();
        await page.WaitForURLAsync(DesignerUrl());
        var id = DesignerUrl().Match(page.Url).Groups[1].Value;

        await AddItemAsync(page, "Enkelval");
        await page.GetByLabel("Frågetext", Exact).FillAsync("Bara ett svar?");
        await page.GetByTestId("add-option").ClickAsync();
        await page.GetByLabel("Text för alternativ 1", Exact).FillAsync("Ja");
        // Leaving with unsaved work would ask first; publishing is a submit and does not.
        await page.GetByTestId("publish").ClickAsync();

        var problem = page.GetByTestId("problem");
        await Assertions.Expect(problem).ToContainTextAsync("\"Bara ett svar?\": ett flervalsalternativ behöver minst två svarsalternativ.");
        await Assertions.Expect(page.GetByTestId("template-status")).ToHaveTextAsync("Utkast");

        // The unsaved work is still on screen, and "Gå till frågan" opens it in the editor.
        await problem.GetByRole(AriaRole.Link, new() { Name = "Gå till frågan" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Frågetext", Exact)).ToHaveValueAsync("Bara ett svar?");
        await Assertions.Expect(page.GetByLabel("Frågetext", Exact)).ToBeFocusedAsync();
        var published = await Site.WithScopeAsync(sp => sp.GetRequiredService<FormTemplateStore>().GetNewestPublishedAsync(id));
        Assert.Null(published);
    }

    [Fact]
    public async Task Items_move_into_and_out_of_groups_by_keyboard_and_leaving_unsaved_work_asks_first()
    {
        var page = await SignedInPageAsync(DemoUsers.FormDesigner);
        await page.GotoAsync(Site.BaseUrl + "/admin/formular/ny");
        await page.GetByLabel("Titel").FillAsync("Gruppmall");
        await page.GetByTestId("create").ClickAsync();
        await page.WaitForURLAsync(DesignerUrl());

        await AddItemAsync(page, "Grupp");
        await page.GetByLabel("Rubrik", Exact).FillAsync("Sömn");
        // The group is selected, so the new question goes into it.
        await AddItemAsync(page, "Kort text");
        await page.GetByLabel("Frågetext", Exact).FillAsync("Hur sov du?");
        var inGroup = page.Locator("#item-f1 > ul > #item-f2");
        await Assertions.Expect(inGroup).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Flytta Hur sov du? ut ur gruppen Sömn" }).ClickAsync();
        await Assertions.Expect(inGroup).ToHaveCountAsync(0);
        Assert.Equal(["f1", "f2"], await ItemOrderAsync(page));
        await Assertions.Expect(page.Locator("#item-f2 .item-select")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Flytta Hur sov du? in i gruppen Sömn" }).ClickAsync();
        await Assertions.Expect(inGroup).ToHaveCountAsync(1);
        var json = await page.GetByTestId("definition-json").InputValueAsync();
        Assert.Contains("\"type\":\"group\"", json, StringComparison.Ordinal);
        var definition = FormDefinition.FromJson(json);
        Assert.Equal("f2", Assert.Single(Assert.Single(definition.Items).Items).Id);

        string? dialog = null;
        page.Dialog += async (_, d) => { dialog = d.Type; await d.AcceptAsync(); };
        await page.GotoAsync(Site.BaseUrl + "/admin/formular");
        Assert.Equal("beforeunload", dialog);
    }
}
