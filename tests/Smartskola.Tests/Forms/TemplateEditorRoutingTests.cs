using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Items;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>
/// Form templates are edited only in the designer, which knows their owner unit and sharing. The generic content
/// admin sends them there and changes nothing itself, even for an editor whose role holds the type's content rights.
/// </summary>
public abstract class TemplateEditorRoutingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task The_generic_editor_sends_a_form_template_to_the_designer_and_an_editor_can_change_nothing()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var id = await site.PublishTemplateAsync(north, "Smärtenkät", DesignValidatorTests.Sound());
        var before = await LatestVersionAsync(id);

        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var opened = await editor.GetAsync($"/admin/innehall/{id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/admin/formular/{id}", opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/admin/formular/{id}")).StatusCode);
        foreach (var page in new[] { "historik", "jamfor", "forhandsgranska" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/innehall/{id}/{page}")).StatusCode);
        }

        var token = (await editor.GetPageAsync("/admin/innehall")).Token;
        foreach (var handler in new[] { "Publish", "Save", "Unpublish", "Discard", "Delete", "Clone" })
        {
            var posted = await editor.Http.PostAsync($"/admin/innehall/{id}?handler={handler}", new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["baseVersion"] = before.ToString(), ["TitlePart.Title"] = "Ändrad av redaktören",
                }));
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        Assert.Equal(before, await LatestVersionAsync(id));
        var search = await editor.GetPageAsync("/admin/sok?q=Smärtenkät");
        Assert.DoesNotContain(id, search.Document.Body!.InnerHtml, StringComparison.Ordinal);

        // Where the generic editor points is where the form's own designer works on it.
        using var designer = await ContentForms.SignedInAsync(site, DemoUsers.FormDesigner);
        var designerPage = await designer.GetPageAsync(opened.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, designerPage.Status);
        Assert.Contains("Smärtenkät", designerPage.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    private Task<int> LatestVersionAsync(string id) =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<ContentManager>().GetLatestAsync(id))!.VersionNumber);
}

public sealed class SqliteTemplateEditorRoutingTests(SqliteSite site) : TemplateEditorRoutingTests<SqliteSite>(site);

public sealed class PostgresTemplateEditorRoutingTests(PostgresSite site) : TemplateEditorRoutingTests<PostgresSite>(site);
