using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Forms.Data;
using Smartskola.Tests.Platform;
using static Smartskola.Tests.Forms.RecipeFormChecks;

namespace Smartskola.Tests.Forms;

/// <summary>The forms are program content, not demo data: a Production site (no demo users) gets them too.</summary>
public sealed class RecipeFormsProductionTests(ProductionSite site) : IClassFixture<ProductionSite>
{
    [Fact]
    public async Task A_production_site_has_every_recipe_template_with_its_owner_and_subscribers()
    {
        var (templates, subscriptions) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            return (await db.Templates.CountAsync(t => TemplateIds.Contains(t.ContentItemId)),
                await db.Subscriptions.CountAsync(s => TemplateIds.Contains(s.TemplateId)));
        });

        Assert.Equal((TemplateIds.Length, TemplateIds.Length), (templates, subscriptions));
    }
}
