using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
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

public sealed class ContentPermissionTestsSqlite(SqliteSite site) : ContentPermissionTests<SqliteSite>(site);

public sealed class ContentPermissionTestsPostgres(PostgresSite site) : ContentPermissionTests<PostgresSite>(site);
