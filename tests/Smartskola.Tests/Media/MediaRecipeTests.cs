using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Recipes.Services;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Media;

/// <summary>The media step registers files in the library (copied or spoken); published content shows them to signed-in users.</summary>
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
        // The library serves the published image at its versioned address.
        Assert.Equal(("/media/_v/1/bilder/punkt.png", "En punkt"), (img.GetAttribute("src"), img.GetAttribute("alt")));

        var image = await patient.GetAsync("/media/bilder/punkt.png");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        // Re-encoded without metadata: still a PNG.
        Assert.Equal(TestFiles.Png.Take(8), (await image.Content.ReadAsByteArrayAsync()).Take(8));
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

    [Fact]
    public async Task Spoken_audio_captions_and_transcripts_come_from_the_recipe_and_a_second_import_replaces_them()
    {
        var folder = Directory.CreateTempSubdirectory("smartskola-recipe-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "klipp.mp4"), await TestMedia.Mp4Async());
        await File.WriteAllBytesAsync(Path.Combine(folder, "klipp.vtt"), TestMedia.Vtt);
        await File.WriteAllTextAsync(Path.Combine(folder, "tal.recipe.json"), """
            {"name": "tal", "steps": [
              {"name": "media", "files": [
                {"path": "ljud/kroppsscanning.ogg", "speak": "Sitt bekvämt och andas lugnt.", "transcript": "Sitt bekvämt och andas lugnt."},
                {"path": "film/klipp.mp4", "source": "klipp.mp4", "captions": "film/klipp.vtt", "transcript": "Ett testklipp."},
                {"path": "film/klipp.vtt", "source": "klipp.vtt"}]},
              {"name": "content", "items": [{"contentType": "Sida", "published": true, "content": {
                "TitlePart": {"title": "Med ljud"},
                "HtmlBodyPart": {"html": "<audio controls src=\"/media/ljud/kroppsscanning.ogg\"></audio><video controls src=\"/media/film/klipp.mp4\"></video>"}}}]}]}
            """);
        for (var run = 1; run <= 2; run++)
        {
            await site.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<RecipeRunner>().RunFileAsync(Path.Combine(folder, "tal.recipe.json"), isSetup: false);
                return 0;
            });
        }

        var audio = (await MediaTestClient.AssetAsync(site, a => a.Path == "ljud/kroppsscanning.ogg"))!;
        Assert.Equal((Smartskola.Media.MediaKind.Audio, "opus", "Sitt bekvämt och andas lugnt.", 2),
            (audio.Kind, audio.Codec, audio.Transcript, audio.Revision));
        Assert.True(audio.DurationSeconds > 0.5);
        var film = (await MediaTestClient.AssetAsync(site, a => a.Path == "film/klipp.mp4"))!;
        Assert.Equal((Smartskola.Media.MediaKind.Video, "film/klipp.vtt", "h264", 320), (film.Kind, film.CaptionsPath, film.Codec, film.Width!.Value));

        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/media/ljud/kroppsscanning.ogg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/media/film/klipp.vtt")).StatusCode); // captions of a shown film
    }

    [Fact]
    public async Task Speak_needs_an_audio_path_and_captions_must_exist()
    {
        var folder = Directory.CreateTempSubdirectory("smartskola-recipe-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "fel.recipe.json"), """
            {"name": "fel", "steps": [{"name": "media", "files": [
              {"path": "ljud/tal.wav", "speak": "Hej"},
              {"path": "ljud/b.ogg", "speak": "Hej", "source": "x.ogg"},
              {"path": "ljud/c.ogg", "speak": "Hej", "captions": "saknas.vtt"}]}]}
            """);
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeRunner>().RunFileAsync(Path.Combine(folder, "fel.recipe.json"), isSetup: false);
            return 0;
        }));
        Assert.Contains("steps[0] (media): files[0]: 'path' 'ljud/tal.wav' måste sluta på .ogg eller .mp3 när ljudet skapas med 'speak'.", error.Errors);
        Assert.Contains("steps[0] (media): files[1]: ange antingen 'source' (en fil bredvid receptet) eller 'speak' (text som läses upp).", error.Errors);
        Assert.Contains("steps[0] (media): files[2]: 'captions' 'saknas.vtt' ska vara en .vtt-fil i samma steg eller i mediebiblioteket.", error.Errors);
    }
}
