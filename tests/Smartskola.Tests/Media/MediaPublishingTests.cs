using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Media.Library;
using Smartskola.Recipes.Services;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Media.MediaTestClient;

namespace Smartskola.Tests.Media;

/// <summary>Publish rules (captions, alt text), the media field, the responsive-image filter and who may fetch what.</summary>
public abstract class MediaPublishingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private async Task DefineFilmTypeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("smartskola-recipe-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "typ.recipe.json"), """
            {"name": "typ", "steps": [{"name": "contentDefinition", "types": [{"name": "Filmsida", "displayName": "Filmsida",
              "parts": [{"name": "TitlePart", "kind": "TitlePart"}, {"name": "AutoroutePart", "kind": "AutoroutePart"},
                        {"name": "Filmsida", "kind": "FieldsPart", "fields": [
                          {"name": "Film", "kind": "MediaField", "displayName": "Film", "settings": {"MediaKind": "video"}},
                          {"name": "Bild", "kind": "MediaField", "displayName": "Bild", "settings": {"MediaKind": "image"}}]}]}]}]}
            """);
        await site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeRunner>().RunFileAsync(Path.Combine(folder, "typ.recipe.json"), isSetup: false);
            return 0;
        });
    }

    [Fact]
    public async Task A_film_without_captions_blocks_publishing_until_captions_are_linked_and_patients_see_it_only_then()
    {
        await DefineFilmTypeAsync();
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        var film = await UploadOkAsync(site, editor, await TestMedia.Mp4Async(), "klipp.mp4", "publicera");
        var image = await UploadOkAsync(site, editor, await TestMedia.JpegAsync(700, 400), "utan-alt.jpg", "publicera");
        var captions = await UploadOkAsync(site, editor, TestMedia.Vtt, "klipp.vtt", "publicera");

        var id = await ContentForms.CreateAsync(editor, "Filmsida", new()
        {
            ["c.TitlePart.Title"] = "Filmen", ["c.Filmsida.Film.Path"] = film.Path, ["c.Filmsida.Bild.Path"] = image.Path,
        });
        var edit = await editor.GetPageAsync($"/admin/innehall/{id}");
        Assert.Contains("Filmen publicera/klipp.mp4 saknar undertexter.", edit.MainText);

        var refused = await editor.ToPageAsync(await ContentForms.SaveAsync(editor, id, [], ContentForms.Publish));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Kan inte publiceras: filmen publicera/klipp.mp4 saknar undertexter; bilden publicera/utan-alt.jpg saknar alternativtext.",
            refused.MainText);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/media/{film.Path}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/media/{film.Path}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await AssetFormAsync(editor, film.Id, "update", new() { ["captionsPath"] = captions.Path })).StatusCode);
        await ContentForms.SaveOkAsync(editor, id, new() { ["c.Filmsida.Bild.Alt"] = "Grå yta" }, ContentForms.Publish);

        var page = await patient.GetPageAsync("/innehall/filmen");
        var video = page.Document.QuerySelector("[data-testid=content-item] video")!;
        Assert.Equal($"/media/_v/1/{film.Path}", video.QuerySelector("source")!.GetAttribute("src"));
        Assert.Equal(($"/media/_v/1/{captions.Path}", "captions", "sv"), (video.QuerySelector("track")!.GetAttribute("src"),
            video.QuerySelector("track")!.GetAttribute("kind"), video.QuerySelector("track")!.GetAttribute("srclang")));
        var img = page.Document.QuerySelector("[data-testid=content-item] img")!;
        Assert.Equal(("Grå yta", "700", "lazy"), (img.GetAttribute("alt"), img.GetAttribute("width"), img.GetAttribute("loading")));
        Assert.Contains($"/media/_w/640/1/{image.Path} 640w", img.GetAttribute("srcset"));

        var versioned = await patient.GetAsync($"/media/_v/1/{film.Path}");
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("private, max-age=31536000, immutable", versioned.Headers.NonValidated["Cache-Control"].ToString());
        var stable = await patient.GetAsync($"/media/{film.Path}");
        Assert.Equal("private, no-cache", stable.Headers.NonValidated["Cache-Control"].ToString());
        Assert.NotNull(stable.Headers.ETag);
        var range = new HttpRequestMessage(HttpMethod.Get, $"/media/_v/1/{film.Path}") { Headers = { Range = new RangeHeaderValue(0, 99) } };
        var partial = await patient.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/media/{captions.Path}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/media/_w/320/1/{image.Path}")).StatusCode);
    }

    [Fact]
    public async Task Rich_text_images_are_versioned_and_responsive_and_drafts_keep_their_media_from_patients()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        using var clinician = await ContentForms.SignedInAsync(site, DemoUsers.ClinicianNorth);
        var image = await UploadOkAsync(site, editor, await TestMedia.JpegAsync(1100, 500), "text.jpg", "rik", alt: "Standard");
        var id = await ContentForms.CreateAsync(editor, "Sida", new()
        {
            ["c.TitlePart.Title"] = "Rik text", ["c.HtmlBodyPart.Html"] = $"<p><img src=\"/media/{image.Path}\"></p>",
        });
        var refused = await editor.ToPageAsync(await ContentForms.SaveAsync(editor, id, [], ContentForms.Publish));
        Assert.Contains($"Kan inte publiceras: bilden {image.Path} saknar alternativtext.", refused.MainText);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/media/{image.Path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/media/{image.Path}")).StatusCode);

        await ContentForms.SaveOkAsync(editor, id, new() { ["c.HtmlBodyPart.Html"] = $"<p><img src=\"/media/{image.Path}\" alt=\"Text\"></p>" },
            ContentForms.Publish);
        var img = (await patient.GetPageAsync("/innehall/rik-text")).Document.QuerySelector("[data-testid=content-item] img")!;
        Assert.Equal(($"/media/_v/1/{image.Path}", "1100", "500", "(max-width: 40rem) 100vw, 40rem"),
            (img.GetAttribute("src"), img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("sizes")));
        Assert.Equal($"/media/_w/320/1/{image.Path} 320w, /media/_w/640/1/{image.Path} 640w, /media/_w/1024/1/{image.Path} 1024w, /media/_v/1/{image.Path} 1100w",
            img.GetAttribute("srcset"));
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/media/{image.Path}")).StatusCode);

        // A rebuild from the content store finds the same usages.
        Assert.True(await site.WithScopeAsync(sp => sp.GetRequiredService<MediaUsages>().RebuildAsync()) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync($"/media/{image.Path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync("/media/rik/saknas.jpg")).StatusCode);
    }
}

public sealed class MediaPublishingTestsSqlite(SqliteSite site) : MediaPublishingTests<SqliteSite>(site);

public sealed class MediaPublishingTestsPostgres(PostgresSite site) : MediaPublishingTests<PostgresSite>(site);
