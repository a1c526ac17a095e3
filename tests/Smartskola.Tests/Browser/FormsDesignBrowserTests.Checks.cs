using Microsoft.Playwright;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.AnsweringSeed;

namespace Smartskola.Tests.Browser;

/// <summary>The designer's refusals, its live preview's conditions and its accessibility (axe).</summary>
public sealed partial class FormsDesignBrowserTests
{
    private const string NestedRepeating = "En upprepad grupp kan inte ligga i en annan upprepad grupp.";

    /// <summary>A single choice 1/2/3 and a long text shown when it is "3" (the shape BuildAndPublishAsync makes).</summary>
    private static FormDefinition ChoiceWithFollowUp() => new()
    {
        Items =
        [
            new FormItem
            {
                Id = "f1", Type = FormItemType.SingleChoice, Text = ChoiceText,
                Options = [new() { Code = "1", Text = "Sällan", Score = 0 }, new() { Code = "2", Text = "Ibland", Score = 1 }, new() { Code = "3", Text = "Ofta", Score = 2 }],
            },
            new FormItem
            {
                Id = "f2", Type = FormItemType.LongText, Text = FollowUpText,
                ShowWhen = new FormCondition { Rules = [new ConditionRule { ItemId = "f1", Operator = ConditionOperator.Equals, Value = "3" }] },
            },
        ],
        NextId = 3,
    };

    private async Task<IPage> NewTemplateAsync(string title, bool bypassCsp = false)
    {
        var page = await SignedInPageAsync(DemoUsers.FormDesigner, bypassCsp);
        await page.GotoAsync(Site.BaseUrl + "/admin/formular/ny");
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByTestId("create").ClickAsync();
        await page.WaitForURLAsync(DesignerUrl());
        return page;
    }

    [Fact]
    public async Task A_repeating_group_is_refused_in_another_by_keyboard_and_by_drag_and_stays_where_it_was()
    {
        var page = await NewTemplateAsync("Upprepade grupper");
        var live = page.GetByTestId("designer-live");
        await AddItemAsync(page, "Upprepad grupp");
        await page.GetByLabel("Rubrik", Exact).FillAsync("Mediciner");
        // The selected repeating group cannot take it, so the new one goes last in the form, and the designer says why.
        await AddItemAsync(page, "Upprepad grupp");
        await Assertions.Expect(live).ToHaveTextAsync(NestedRepeating + " Den nya gruppen ligger sist i formuläret.");
        await page.GetByLabel("Rubrik", Exact).FillAsync("Besök");
        await Assertions.Expect(live).ToBeEmptyAsync();
        Assert.Equal(["f1", "f2"], await ItemOrderAsync(page));
        var nested = page.Locator("#item-f1 > ul > #item-f2");

        var into = page.GetByRole(AriaRole.Button, new() { Name = "Flytta Besök in i gruppen Mediciner" });
        await into.ClickAsync();
        await Assertions.Expect(live).ToHaveTextAsync(NestedRepeating);
        await Assertions.Expect(into).ToBeFocusedAsync();
        await Assertions.Expect(nested).ToHaveCountAsync(0);
        Assert.Equal(["f1", "f2"], await ItemOrderAsync(page));

        // The same by mouse: dropped into the first group's (empty) list of questions.
        await page.GetByLabel("Rubrik", Exact).FillAsync("Besök hos vården");
        await Assertions.Expect(live).ToBeEmptyAsync();
        await DragAsync(page, page.Locator("#item-f2 [data-testid=drag-handle]"), page.Locator("#item-f1 > ul.designer-items"));
        await Assertions.Expect(live).ToHaveTextAsync(NestedRepeating);
        await Assertions.Expect(nested).ToHaveCountAsync(0);
        Assert.Equal(["f1", "f2"], await ItemOrderAsync(page));
        var definition = FormDefinition.FromJson(await page.GetByTestId("definition-json").InputValueAsync());
        Assert.Equal([("f1", 0), ("f2", 0)], definition.Items.Select(i => (i.Id, i.Items.Count)));

        // A question may still be dragged into the group the same way: the drop target was reachable.
        await AddItemAsync(page, "Kort text");
        await page.GetByLabel("Frågetext", Exact).FillAsync("Vilken medicin?");
        await DragAsync(page, page.Locator("#item-f3 [data-testid=drag-handle]"), page.Locator("#item-f1 > ul.designer-items"));
        await Assertions.Expect(page.Locator("#item-f1 > ul > #item-f3")).ToHaveCountAsync(1);
        await Assertions.Expect(live).ToBeEmptyAsync();
    }

    [Fact]
    public async Task Controls_that_redraw_the_designer_keep_the_keyboard_focus_or_hand_it_to_what_comes_next()
    {
        var page = await NewTemplateAsync("Tangentbordsmall");
        async Task PressAsync(ILocator control, string key = "Enter")
        {
            await control.FocusAsync();
            await page.Keyboard.PressAsync(key);
        }

        await AddItemAsync(page, "Enkelval");
        await page.GetByLabel("Frågetext", Exact).FillAsync(ChoiceText);
        await AddItemAsync(page, "Skjutreglage");
        var nrs = page.GetByRole(AriaRole.Button, new() { Name = "VAS 0–100" });
        await PressAsync(nrs);
        await Assertions.Expect(page.GetByLabel("Största värde", Exact)).ToHaveValueAsync("100");
        await Assertions.Expect(nrs).ToBeFocusedAsync();

        await PressAsync(page.GetByTestId("add-condition"));
        await Assertions.Expect(page.GetByLabel("Fråga", Exact)).ToBeFocusedAsync();
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ta bort villkor 1" }));
        // The button went with the condition: the editor's heading takes the focus.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skjutreglage f2" })).ToBeFocusedAsync();

        var choice = page.Locator("#item-f1 .item-select");
        await PressAsync(choice);
        await Assertions.Expect(page.GetByLabel("Frågetext", Exact)).ToHaveValueAsync(ChoiceText);
        await Assertions.Expect(choice).ToBeFocusedAsync();

        await PressAsync(page.GetByTestId("add-scale"));
        await Assertions.Expect(page.GetByLabel("Namn", Exact)).ToBeFocusedAsync();
        var included = page.GetByLabel($"Ingår: {ChoiceText}", Exact);
        await PressAsync(included, "Space");
        await Assertions.Expect(included).ToBeCheckedAsync();
        await Assertions.Expect(included).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_preview_shows_a_conditional_question_only_while_its_condition_holds_also_after_an_unsaved_change()
    {
        var id = await TemplateAsync(Site, ChoiceWithFollowUp(), "Förhandsvisning med villkor");
        var page = await SignedInPageAsync(DemoUsers.FormDesigner, bypassCsp: true);
        await page.GotoAsync(Site.BaseUrl + $"/admin/formular/{id}");
        var preview = page.FrameLocator("#preview-frame");
        var choice = preview.GetByRole(AriaRole.Group, new() { Name = ChoiceText });
        var followUp = preview.GetByLabel(FollowUpText);

        await Assertions.Expect(choice).ToBeVisibleAsync();
        await Assertions.Expect(followUp).ToBeHiddenAsync();
        await choice.GetByLabel("Ofta").CheckAsync();
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await choice.GetByLabel("Ibland").CheckAsync();
        await Assertions.Expect(followUp).ToBeHiddenAsync();

        // The editor with a condition open passes axe too.
        await page.Locator("#item-f2 .item-select").ClickAsync();
        await page.GetByLabel("Värde", Exact).SelectOptionAsync("2");
        Assert.Empty(await Axe.ViolationsAsync(page));

        // Unsaved: the preview reloads with the new value (the text changed last, so its arrival means both did).
        const string changed = "Beskriv hur det känns när det gör ont.";
        await page.GetByLabel("Frågetext", Exact).FillAsync(changed);
        var changedFollowUp = preview.GetByLabel(changed);
        await Assertions.Expect(changedFollowUp).ToBeHiddenAsync();
        await Assertions.Expect(preview.Locator("[data-item=f2] label")).ToHaveTextAsync(changed);
        await choice.GetByLabel("Ibland").CheckAsync();
        await Assertions.Expect(changedFollowUp).ToBeVisibleAsync();
        await choice.GetByLabel("Ofta").CheckAsync();
        await Assertions.Expect(changedFollowUp).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_template_list_and_the_designer_pass_axe_empty_and_with_items_in_the_editor()
    {
        var page = await NewTemplateAsync("Tillgänglig mall", bypassCsp: true);
        await Assertions.Expect(page.GetByTestId("add-item")).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));

        await AddItemAsync(page, "Enkelval");
        await page.GetByLabel("Frågetext", Exact).FillAsync(ChoiceText);
        await page.GetByTestId("add-option").ClickAsync();
        await page.GetByTestId("add-option").ClickAsync();
        await AddItemAsync(page, "Grupp");
        await page.GetByLabel("Rubrik", Exact).FillAsync("Sömn");
        await AddItemAsync(page, "Skjutreglage");
        await page.GetByLabel("Frågetext", Exact).FillAsync(SliderText);
        await page.GetByTestId("add-condition").ClickAsync();
        await page.GetByTestId("add-scale").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till intervall" }).ClickAsync();
        await page.GetByLabel($"Ingår: {ChoiceText}", Exact).CheckAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Utkastet är sparat.");
        await page.GotoAsync(Site.BaseUrl + "/admin/formular");
        await Assertions.Expect(page.GetByTestId("own-template").First).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));
    }
}
