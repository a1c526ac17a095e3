using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Content;

/// <summary>A securable type gets its own permissions (view, edit, edit own, publish, delete), granted per role.</summary>
public abstract class ContentPermissionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_securable_type_is_governed_by_its_own_permissions_per_role()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        await admin.SubmitAsync("/admin/innehallstyper",
            new Dictionary<string, string> { ["displayName"] = "Behandlarinfo", ["parts"] = "TitlePart" });
        await admin.SubmitAsync("/admin/innehallstyper/Behandlarinfo", new Dictionary<string, string>
        {
            ["securable"] = "true", ["draftable"] = "true", ["versionable"] = "true", ["creatable"] = "true", ["listable"] = "true",
        }, "form[action*=Settings]");
        await admin.SubmitAsync("/admin/innehallstyper/Behandlarinfo", new Dictionary<string, string> { ["kind"] = "HtmlBodyPart" },
            submitHandler: "AddPart");

        var matrix = await admin.GetPageAsync("/admin/roller");
        foreach (var label in new[] { "visa", "redigera", "redigera eget", "publicera", "ta bort" })
        {
            Assert.Contains($"Behandlarinfo: {label}", matrix.MainText);
        }

        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Behandlarinfo", new() { ["c.TitlePart.Title"] = "Rutiner", ["c.HtmlBodyPart.Html"] = "<p>Intern</p>" }, Publish);
        var url = $"/innehall/objekt/{id}";

        // By default every role may view; take it away from patients and they no longer can.
        using (var before = await SignedInAsync(site, DemoUsers.Patient))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(url)).StatusCode);
        }

        await site.WithScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<Role>>();
            var patientRole = (await roles.FindByNameAsync("Patient"))!;
            return await roles.RemoveClaimAsync(patientRole, new Claim("permission", "Content.Behandlarinfo.View"));
        });
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(url)).StatusCode);
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync(url)).StatusCode);

        // Editing needs the type's edit permission even for those who may edit open types.
        await site.WithScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<Role>>();
            var editorRole = (await roles.FindByNameAsync("Editor"))!;
            await roles.RemoveClaimAsync(editorRole, new Claim("permission", "Content.Behandlarinfo.Edit"));
            return await roles.RemoveClaimAsync(editorRole, new Claim("permission", "Content.Behandlarinfo.EditOwn"));
        });
        using var limited = await SignedInAsync(site, DemoUsers.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await limited.GetAsync($"/admin/innehall/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await limited.GetAsync("/admin/innehall/ny/Behandlarinfo")).StatusCode);
        Assert.DoesNotContain("Rutiner", (await limited.GetPageAsync("/admin/innehall")).MainText);
        Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("/admin/innehall/ny/Sida")).StatusCode);
    }
}

public abstract class ContentPublishRightTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Without_the_publish_right_nothing_publishes_a_type_without_drafts_not_even_clone_or_restore()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        await admin.SubmitAsync("/admin/innehallstyper", new Dictionary<string, string> { ["displayName"] = "Nyhet", ["parts"] = "TitlePart" });
        await admin.SubmitAsync("/admin/innehallstyper/Nyhet", new Dictionary<string, string>
        {
            ["securable"] = "true", ["versionable"] = "true", ["creatable"] = "true", ["listable"] = "true", ["draftable"] = "",
        }, "form[action*=Settings]");
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Nyhet", new() { ["c.TitlePart.Title"] = "Ny rutin" }, Publish);
        await SaveOkAsync(editor, id, new() { ["c.TitlePart.Title"] = "Ny rutin, version 2" }, Publish);

        await site.WithScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<Role>>();
            return await roles.RemoveClaimAsync((await roles.FindByNameAsync("Editor"))!, new Claim("permission", "Content.Nyhet.Publish"));
        });
        using var limited = await SignedInAsync(site, DemoUsers.Editor);
        var edit = await limited.GetPageAsync($"/admin/innehall/{id}");
        Assert.Null(edit.Document.QuerySelector("[data-testid=publish]"));
        Assert.Null(edit.Document.QuerySelector("[data-testid=save-draft]"));

        var clone = await limited.ToPageAsync(await limited.FollowAsync(await limited.SubmitAsync($"/admin/innehall/{id}",
            new Dictionary<string, string>(), "main form.form-inline", button: "button[formaction*=Clone]")));
        Assert.Contains("Du har inte behörighet att publicera det här innehållet", clone.MainText);
        var restore = await limited.ToPageAsync(await limited.FollowAsync(await limited.SubmitAsync($"/admin/innehall/{id}/historik",
            new Dictionary<string, string> { ["version"] = "1" }, "form[action*=Restore]")));
        Assert.Contains("Du har inte behörighet att publicera det här innehållet", restore.MainText);
        var saveAnyway = await limited.Http.PostAsync($"/admin/innehall/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = edit.Token,
            ["baseVersion"] = "2", ["c.TitlePart.Title"] = "Smygpublicerad",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, saveAnyway.StatusCode);

        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var shown = await patient.GetPageAsync($"/innehall/objekt/{id}");
        Assert.Equal("Ny rutin, version 2", shown.Text("main h1"));
        Assert.Equal(1, await site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.ContentManagement.Data.ContentDbContext>()
            .ContentItems.CountAsync(i => i.ContentType == "Nyhet")));
    }
}

public sealed class ContentPublishRightTestsSqlite(SqliteSite site) : ContentPublishRightTests<SqliteSite>(site);

public sealed class ContentPublishRightTestsPostgres(PostgresSite site) : ContentPublishRightTests<PostgresSite>(site);

public sealed class ContentPermissionTestsSqlite(SqliteSite site) : ContentPermissionTests<SqliteSite>(site);

public sealed class ContentPermissionTestsPostgres(PostgresSite site) : ContentPermissionTests<PostgresSite>(site);
