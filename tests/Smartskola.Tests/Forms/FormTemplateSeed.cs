using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Items;
using Smartskola.Forms;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>
/// The one way the forms tests publish a template without the designer: a Formularmall content item published once
/// per definition (so the snapshot handler keeps each version) and its FormTemplate row for the owner unit.
/// </summary>
public static class FormTemplateSeed
{
    /// <returns>The template's content item id.</returns>
    public static Task<string> PublishAsync(SiteFactory site, Guid ownerUnit, string title, IReadOnlyList<FormDefinition> versions,
        bool retired = false) =>
        site.WithScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            var item = content.New(FormTypes.Template);
            var latest = 0;
            foreach (var definition in versions)
            {
                item.Content["TitlePart"] = new JsonObject { ["title"] = title };
                item.Content[FormDefinitionPartDriver.PartKind] = FormDefinitionPartDriver.ToPart(definition);
                item = await content.SaveAsync(item, latest, SaveMode.Publish);
                latest = item.VersionNumber;
                item = (await content.GetLatestAsync(item.ContentItemId))!;
            }

            var now = site.Clock.GetUtcNow().UtcDateTime;
            var db = sp.GetRequiredService<FormsDbContext>();
            db.Templates.Add(new FormTemplate
            {
                ContentItemId = item.ContentItemId, OwnerUnitId = ownerUnit, Scope = SharingScope.Private, CreatedUtc = now,
                Version = Guid.NewGuid(), RetiredUtc = retired ? now : null,
            });
            await db.SaveChangesAsync();
            return item.ContentItemId;
        });
}
