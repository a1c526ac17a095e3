using System.Net;
using AngleSharp.Html.Dom;
using Smartskola.Core.Security;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Messaging;

/// <summary>Svarsmallar: shared ones from the recipe, a unit's own (create, change, delete, conflicts), used in a reply.</summary>
public abstract class ReplyTemplateTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : MessagingSite
{
    private const string Templates = "/admin/meddelanden/mallar";

    [Fact]
    public async Task The_recipes_shared_templates_are_there_read_only()
    {
        using var clinician = await SignedInAsync(site, (await site.ClinicianAsync()).Email);
        var page = await clinician.GetPageAsync(Templates);
        var shared = page.Document.QuerySelectorAll("[data-testid=template]").Where(t => t.QuerySelector("h2")!.TextContent is "Välkommen" or "Inaktivitetskoll").ToList();
        Assert.Equal(2, shared.Count);
        Assert.All(shared, t => Assert.Null(t.QuerySelector("form")));
        Assert.Contains("Digitala smärtskolan", shared.Single(t => t.QuerySelector("h2")!.TextContent == "Välkommen").TextContent);
    }

    [Fact]
    public async Task A_unit_template_is_created_used_in_a_reply_changed_with_conflict_detection_and_deleted()
    {
        var (email, clinicianId) = await site.ClinicianAsync();
        using var clinician = await SignedInAsync(site, email);
        var title = $"Mall {Guid.NewGuid():N}"[..14];

        var empty = await clinician.ToPageAsync(await clinician.SubmitAsync(Templates, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Body"] = " " },
            "form[data-testid=new-template-form]"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        Assert.Equal("Ge mallen ett namn.", empty.Text("[data-testid=error-title]"));
        Assert.Equal("Skriv mallens text.", empty.Text("[data-testid=error-body]"));

        var created = await clinician.SubmitAsync(Templates, new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Body"] = "Hej!\nTack för ditt meddelande." },
            "form[data-testid=new-template-form]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await clinician.GetPageAsync(Templates);
        var section = list.Document.QuerySelectorAll("[data-testid=template]").Single(t => t.QuerySelector("h2")!.TextContent == title);
        var id = section.GetAttribute("data-id")!;
        var oldVersion = section.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value;

        // In a reply: ?mall= fills the reply box (the page works without JavaScript).
        var p = await site.PatientAsync(clinicianId);
        var reply = await clinician.GetPageAsync($"/admin/patienter/{p.EnrolmentId}/meddelanden?mall={id}");
        Assert.Equal("Hej!\nTack för ditt meddelande.", reply.Document.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.Contains(reply.Document.QuerySelectorAll("#mall option"), o => o.TextContent == "Välkommen");

        // Changed once; the same form sent again (an old version) is a conflict and keeps the change.
        var form = $"form[data-testid=template-form][action*='{id}']";
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync(Templates, new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Body"] = "Ny text" }, form)).StatusCode);
        var stale = await clinician.ToPageAsync(await clinician.SubmitAsync(Templates,
            new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Body"] = "Gammal text", ["Version"] = oldVersion }, form));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("ändrats av någon annan", stale.Text("[data-testid=errors]"));
        var staleDelete = await clinician.ToPageAsync(await clinician.SubmitAsync(Templates, new Dictionary<string, string> { ["Version"] = oldVersion }, form,
            button: "[data-testid=delete]"));
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.Status);
        list = await clinician.GetPageAsync(Templates);
        Assert.Equal("Ny text", list.Document.QuerySelector<IHtmlTextAreaElement>($"[data-id='{id}'] textarea")!.Value);

        // Another unit's clinician can neither see nor change it.
        using var east = await SignedInAsync(site, (await site.ClinicianAsync(DemoUsers.UnitEast)).Email);
        var eastPage = await east.GetPageAsync(Templates);
        Assert.DoesNotContain(title, eastPage.MainText);
        var forged = await east.Http.PostAsync($"{Templates}?handler=Delete&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = eastPage.Token, ["Version"] = list.Document.QuerySelector<IHtmlInputElement>($"[data-id='{id}'] input[name=Version]")!.Value }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var deleted = await clinician.SubmitAsync(Templates, new Dictionary<string, string>(), form, button: "[data-testid=delete]");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(title, (await clinician.GetPageAsync(Templates)).MainText);
    }

    [Fact]
    public async Task A_unit_manager_manages_templates_but_cannot_open_conversations()
    {
        var email = await site.CreateUserAsync(Roles.UnitManager, DemoUsers.UnitNorth);
        using var manager = await SignedInAsync(site, email);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(Templates)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/meddelanden/funktionsbrevlada")).StatusCode);
    }
}

public sealed class SqliteReplyTemplateTests(SqliteMessagingSite site) : ReplyTemplateTests<SqliteMessagingSite>(site);

public sealed class PostgresReplyTemplateTests(PostgresMessagingSite site) : ReplyTemplateTests<PostgresMessagingSite>(site);
