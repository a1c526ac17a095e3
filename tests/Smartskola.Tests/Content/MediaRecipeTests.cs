using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Recipes.Services;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Content;

/// <summary>The media step copies files that ship beside a recipe; content shows them to signed-in users only.</summary>
public sealed class MediaRecipeTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task A_recipe_brings_an_image_that_its_content_shows_to_signed_in_users()
    {
        var folder = Directory.CreateTempSubdirectory("smartskola-recipe-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "filer"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "filer", "punkt.png"), TestFiles.Png);
        await File.WriteAllTextAsync(Path.Combine(folder, "bild.recipe.json"), """
            {"name": "bild", "steps": [
              {"name": "media", "files": [{"path": "bilder/punkt.png", "source": "filer/punkt.png"}]},
              {"name": "content", "items": [{"contentType": "Sida", "published": true, "content": {
                "TitlePart": {"title": "Med bild"},
                "HtmlBodyPart": {"html": "<figure><img src=\"/media/bilder/punkt.png\" alt=\"En punkt\"><figcaption>Bildtext</figcaption></figure>"}}}]}]}
            """);
        await site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeRunner>().RunFileAsync(Path.Combine(folder, "bild.recipe.json"), isSetup: false);
            return 0;
        });

        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        var page = await patient.GetPageAsync("/innehall/med-bild");
        var img = page.Document.QuerySelector("[data-testid=content-item] figure img")!;
        Assert.Equal(("/media/bilder/punkt.png", "En punkt"), (img.GetAttribute("src"), img.GetAttribute("alt")));

        var image = await patient.GetAsync("/media/bilder/punkt.png");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestFiles.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("private", image.Headers.CacheControl!.ToString());

        var range = new HttpRequestMessage(HttpMethod.Get, "/media/bilder/punkt.png") { Headers = { Range = new RangeHeaderValue(0, 9) } };
        var partial = await patient.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(10, (await partial.Content.ReadAsByteArrayAsync()).Length);

        using var anonymous = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/media/bilder/punkt.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/media/bilder/../../appsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/media/bilder/saknas.png")).StatusCode);
    }

    [Fact]
    public async Task Files_outside_the_recipe_folder_or_of_other_types_are_refused_before_anything_runs()
    {
        var folder = Directory.CreateTempSubdirectory("smartskola-recipe-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "fel.recipe.json"), """
            {"name": "fel", "steps": [{"name": "media", "files": [
              {"path": "bilder/ok.png", "source": "../../etc/passwd"},
              {"path": "skript/x.html", "source": "fel.recipe.json"}]}]}
            """);
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeRunner>().RunFileAsync(Path.Combine(folder, "fel.recipe.json"), isSetup: false);
            return 0;
        }));
        Assert.Contains("steps[0] (media): files[0]: 'source' '../../etc/passwd' finns inte bredvid receptet.", error.Errors);
        Assert.Contains(error.Errors, e => e.StartsWith("steps[0] (media): files[1]: 'path' 'skript/x.html' är ogiltig", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(site.MediaRoot, "bilder", "ok.png")));
    }
}
