using System.Net;
using System.Net.Http.Headers;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Media.MediaTestClient;

namespace Smartskola.Tests.Media;

/// <summary>Uploads checked by content, cleaned images and derivatives, metadata, size limits, replace, delete, lists.</summary>
public abstract class MediaLibraryTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_jpeg_with_exif_and_gps_is_stored_without_metadata_with_derivatives_no_wider_than_the_original()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var jpeg = TestMedia.WithExifGps(await TestMedia.JpegAsync(1200, 800));
        Assert.Contains("exif-ifd3-GPSLatitudeRef", await VipsHeaderOfBytesAsync(jpeg, "jpg"));

        var asset = await UploadOkAsync(site, editor, jpeg, "Semester Bild.JPG", "foton", alt: "Grå yta");
        Assert.Equal(("foton/semester-bild.jpg", 1200, 800, "image/jpeg", "Grå yta"),
            (asset.Path, asset.Width!.Value, asset.Height!.Value, asset.MimeType, asset.AltText));

        var original = Path.Combine(site.MediaRoot, "foton", "semester-bild.jpg");
        Assert.DoesNotContain("exif-", await VipsHeaderAsync(original));
        Assert.False(ContainsAscii(await File.ReadAllBytesAsync(original), "Exif"));
        foreach (var width in new[] { 320, 640, 1024 })
        {
            var derivative = Path.Combine(site.MediaRoot, "_w", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "foton", "semester-bild.jpg.webp");
            var header = await VipsHeaderAsync(derivative);
            Assert.Contains($"width: {width}", header);
            Assert.DoesNotContain("exif-", header);
            Assert.False(ContainsAscii(await File.ReadAllBytesAsync(derivative), "Exif"));
        }

        Assert.False(File.Exists(Path.Combine(site.MediaRoot, "_w", "1600", "foton", "semester-bild.jpg.webp")));
        var served = await editor.GetAsync($"/media/_w/640/1/{asset.Path}");
        Assert.Equal((HttpStatusCode.OK, "image/webp"), (served.StatusCode, served.Content.Headers.ContentType!.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/media/_w/1600/1/{asset.Path}")).StatusCode);
    }

    [Fact]
    public async Task Files_are_judged_by_content_not_by_name()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var before = await AssetCountAsync(site);

        var pngAsJpg = await editor.ToPageAsync(await UploadAsync(editor, TestFiles.Png, "bild.jpg", "fel"));
        Assert.Equal(HttpStatusCode.BadRequest, pngAsJpg.Status);
        Assert.Contains("Filen är en PNG-bild men namnet slutar på '.jpg'. Byt filändelse till .png.", pngAsJpg.Text("[data-testid=media-error]"));

        var textAsPng = await editor.ToPageAsync(await UploadAsync(editor, "hej hej, inte en bild"u8.ToArray(), "text.png", "fel"));
        Assert.Equal(HttpStatusCode.BadRequest, textAsPng.Status);
        Assert.StartsWith("Filtypen känns inte igen.", textAsPng.Text("[data-testid=media-error]"));

        var svg = await editor.ToPageAsync(await UploadAsync(editor,
            """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""u8.ToArray(), "logga.svg", "fel"));
        Assert.Equal(HttpStatusCode.BadRequest, svg.Status);
        Assert.Equal("SVG-bilder tas inte emot. Konvertera bilden till PNG och ladda upp den igen.", svg.Text("[data-testid=media-error]"));

        Assert.Equal(before, await AssetCountAsync(site));
        Assert.False(Directory.Exists(Path.Combine(site.MediaRoot, "fel")));
    }

    [Fact]
    public async Task A_file_over_its_kinds_limit_is_413_and_nothing_is_stored()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var before = await AssetCountAsync(site);
        var huge = new byte[21 * 1024 * 1024];
        (await TestMedia.JpegAsync(16, 16)).CopyTo(huge, 0);

        var page = await editor.ToPageAsync(await UploadAsync(editor, huge, "stor.jpg", "stora"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Contains("Filen är för stor", page.Text("[data-testid=media-error]"));
        Assert.Contains("20 MB", page.Text("[data-testid=media-error]"));
        Assert.Equal(before, await AssetCountAsync(site));
        Assert.False(File.Exists(Path.Combine(site.MediaRoot, "stora", "stor.jpg")));
        Assert.Empty(Directory.Exists(Path.Combine(site.MediaRoot, "_staging"))
            ? Directory.EnumerateFileSystemEntries(Path.Combine(site.MediaRoot, "_staging")) : []);
    }

    [Fact]
    public async Task Audio_gets_its_duration_and_codec_from_ffprobe()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var asset = await UploadOkAsync(site, editor, await TestMedia.OggAsync(), "ton.ogg", "ljud-test", transcript: "En ton.");
        Assert.Equal(("audio/ogg", "vorbis", "En ton."), (asset.MimeType, asset.Codec, asset.Transcript));
        Assert.InRange(asset.DurationSeconds!.Value, 0.9, 1.1);
        var page = await editor.GetPageAsync($"/admin/media/{asset.Id}");
        Assert.Equal("0:00:01", page.Text("[data-testid=duration]"));

        var mp4AsOgg = await editor.ToPageAsync(await UploadAsync(editor, await TestMedia.Mp4Async(), "film.ogg", "ljud-test"));
        Assert.Equal(HttpStatusCode.BadRequest, mp4AsOgg.Status);
        Assert.Contains("en MP4-film", mp4AsOgg.Text("[data-testid=media-error]"));
    }

    [Fact]
    public async Task Replacing_keeps_the_path_and_references_and_bumps_the_revision()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var asset = await UploadOkAsync(site, editor, await TestMedia.JpegAsync(400, 300), "byt.jpg", "ersatt", alt: "Före");
        var id = await ContentForms.CreateAsync(editor, "Sida", new()
        {
            ["c.TitlePart.Title"] = "Ersatt bild", ["c.HtmlBodyPart.Html"] = $"<p><img src=\"/media/{asset.Path}\" alt=\"Bild\"></p>",
        });

        Assert.Equal(HttpStatusCode.BadRequest, (await ReplaceAsync(editor, asset.Id, TestFiles.Png, "byt.png")).StatusCode);
        var replaced = await ReplaceAsync(editor, asset.Id, await TestMedia.JpegAsync(800, 600), "ny.jpg");
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);

        var after = (await AssetAsync(site, a => a.Id == asset.Id))!;
        Assert.Equal((asset.Path, 2, 800, "Före"), (after.Path, after.Revision, after.Width!.Value, after.AltText));
        Assert.NotEqual(asset.Sha256, after.Sha256);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/media/{asset.Path}")).StatusCode);
        var old = await editor.GetAsync($"/media/_v/1/{asset.Path}");
        Assert.Equal((HttpStatusCode.Redirect, $"/media/_v/2/{asset.Path}"), (old.StatusCode, old.Headers.Location!.OriginalString));
        Assert.Equal("1", (await editor.GetPageAsync($"/admin/media/{asset.Id}")).Text("[data-testid=usage]").Split(' ')[2]);
        Assert.Contains(id, (await editor.GetPageAsync($"/admin/media/{asset.Id}")).Document
            .QuerySelector("[data-testid=usage-list] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Deleting_is_refused_while_in_use_and_allowed_when_unused()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var used = await UploadOkAsync(site, editor, await TestMedia.JpegAsync(50, 50), "anvand.jpg", "radera", alt: "x");
        var unused = await UploadOkAsync(site, editor, await TestMedia.JpegAsync(50, 50), "oanvand.jpg", "radera");
        await ContentForms.CreateAsync(editor, "Sida", new()
        {
            ["c.TitlePart.Title"] = "Använder bilden", ["c.HtmlBodyPart.Html"] = $"<p><img src=\"/media/{used.Path}\" alt=\"x\"></p>",
        });

        var refused = await editor.ToPageAsync(await AssetFormAsync(editor, used.Id, "delete", []));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("radera/anvand.jpg används och kan inte tas bort. Den används i: \"Använder bilden\".", refused.Text("[data-testid=media-error]"));
        Assert.NotNull(await AssetAsync(site, a => a.Id == used.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await AssetFormAsync(editor, unused.Id, "delete", [])).StatusCode);
        Assert.Null(await AssetAsync(site, a => a.Id == unused.Id));
        Assert.False(File.Exists(Path.Combine(site.MediaRoot, "radera", "oanvand.jpg")));
    }

    [Fact]
    public async Task The_list_shows_usage_counts_searches_by_name_and_filters_by_folder()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var asset = await UploadOkAsync(site, editor, await TestMedia.JpegAsync(40, 40), "solnedgang.jpg", "lista/natur", alt: "Sol");
        await UploadOkAsync(site, editor, await TestMedia.JpegAsync(40, 40), "skog.jpg", "lista/natur", alt: "Skog");
        foreach (var title in new[] { "Sol ett", "Sol två" })
        {
            await ContentForms.CreateAsync(editor, "Sida", new()
            {
                ["c.TitlePart.Title"] = title, ["c.HtmlBodyPart.Html"] = $"<p><img src=\"/media/_v/1/{asset.Path}\" alt=\"Sol\"></p>",
            });
        }

        var search = await editor.GetPageAsync("/admin/media?q=SOLNED");
        var rows = search.Document.QuerySelectorAll("[data-testid=media-list] tbody tr");
        Assert.Equal(asset.Path, Assert.Single(rows).GetAttribute("data-path"));
        Assert.Equal("Används i 2 avsnitt/objekt", rows[0].QuerySelector("[data-testid=usage]")!.TextContent);
        Assert.NotNull(rows[0].QuerySelector("img.media-thumb"));

        var folder = await editor.GetPageAsync("/admin/media?mapp=lista&typ=Image");
        Assert.Equal(2, folder.Document.QuerySelectorAll("[data-testid=media-list] tbody tr").Length);
        Assert.Equal(0, (await editor.GetPageAsync("/admin/media?mapp=lista&typ=Audio")).Document.QuerySelectorAll("[data-testid=media-list] tbody tr").Length);
    }

    [Fact]
    public async Task Posts_without_an_anti_forgery_token_are_refused()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png), "file", "x.png" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.Http.PostAsync("/admin/media?handler=Upload", form)).StatusCode);
        var asset = await UploadOkAsync(site, editor, TestFiles.Png, "token.png", "token");
        var delete = await editor.Http.PostAsync($"/admin/media/{asset.Id}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.NotNull(await AssetAsync(site, a => a.Id == asset.Id));
    }

    private static bool ContainsAscii(byte[] bytes, string text) => bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(text)) >= 0;

    private static async Task<string> VipsHeaderOfBytesAsync(byte[] bytes, string extension)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("smartskola-media-").FullName, "x." + extension);
        await File.WriteAllBytesAsync(file, bytes);
        return await VipsHeaderAsync(file);
    }
}

public sealed class MediaLibraryTestsSqlite(SqliteSite site) : MediaLibraryTests<SqliteSite>(site);

public sealed class MediaLibraryTestsPostgres(PostgresSite site) : MediaLibraryTests<PostgresSite>(site);
