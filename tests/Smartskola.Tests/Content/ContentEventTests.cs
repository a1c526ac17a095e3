using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Handlers;
using Smartskola.ContentManagement.Parts;
using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Content;

/// <summary>A site with three extra content handlers: one that records, one that always throws, one that vetoes.</summary>
public sealed class HandlerSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    public static readonly ConcurrentQueue<string> Events = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddContentHandler<BrokenHandler>();
            services.AddContentHandler<VetoHandler>();
            services.AddContentHandler<RecordingHandler>();
        });
    }

    private sealed class BrokenHandler : ContentHandler
    {
        public override Task UpdatingAsync(ContentContext context) => throw new InvalidOperationException("trasig hanterare");

        public override Task PublishedAsync(ContentContext context) => throw new InvalidOperationException("trasig hanterare");
    }

    /// <summary>Refuses to publish anything whose title mentions "STOPP".</summary>
    private sealed class VetoHandler : ContentHandler
    {
        public override Task PublishingAsync(ContentContext context)
        {
            if (context.Item.Get<TitlePartData>(TitlePartDriver.PartKind).Title.Contains("STOPP", StringComparison.Ordinal))
            {
                context.Cancel("Texter med ordet STOPP får inte publiceras.");
            }

            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHandler : ContentHandler
    {
        public override Task CreatingAsync(ContentContext context) => Record("creating", context);

        public override Task CreatedAsync(ContentContext context) => Record("created", context);

        public override Task UpdatingAsync(ContentContext context) => Record("updating", context);

        public override Task UpdatedAsync(ContentContext context) => Record("updated", context);

        public override Task PublishingAsync(ContentContext context) => Record("publishing", context);

        public override Task PublishedAsync(ContentContext context) => Record("published", context);

        public override Task RemovingAsync(ContentContext context) => Record("removing", context);

        public override Task RemovedAsync(ContentContext context) => Record("removed", context);

        private static Task Record(string name, ContentContext context)
        {
            Events.Enqueue($"{name}:{context.Item.Get<TitlePartData>(TitlePartDriver.PartKind).Title}");
            return Task.CompletedTask;
        }
    }
}

public sealed class ContentEventTests(HandlerSite site) : IClassFixture<HandlerSite>
{
    [Fact]
    public async Task Handlers_see_each_event_a_failing_handler_is_logged_and_skipped_and_a_veto_stops_publishing()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Sida", new() { ["c.TitlePart.Title"] = "Händelser", ["c.HtmlBodyPart.Html"] = "<p>1</p>" });
        await SaveOkAsync(editor, id, new() { ["c.HtmlBodyPart.Html"] = "<p>2</p>" }, Publish);
        await editor.SubmitAsync($"/admin/innehall/{id}", new Dictionary<string, string>(), "main form.form-inline", button: "[data-testid=delete]");

        var mine = HandlerSite.Events.Where(e => e.EndsWith(":Händelser", StringComparison.Ordinal)).Select(e => e.Split(':')[0]).ToList();
        Assert.Equal(["creating", "created", "updating", "publishing", "updated", "published", "removing", "removed"], mine);
        Assert.Contains(site.Logs.Lines, line => line.Contains("BrokenHandler failed before Update", StringComparison.Ordinal));
        Assert.Contains(site.Logs.Lines, line => line.Contains("BrokenHandler failed after Publish", StringComparison.Ordinal));

        var other = await CreateAsync(editor, "Sida", new() { ["c.TitlePart.Title"] = "Om STOPP", ["c.HtmlBodyPart.Html"] = "<p>utkast</p>" });
        var vetoed = await editor.ToPageAsync(await SaveAsync(editor, other, new() { ["c.HtmlBodyPart.Html"] = "<p>publicera?</p>" }, Publish));
        Assert.Equal(HttpStatusCode.Conflict, vetoed.Status);
        Assert.Contains("Texter med ordet STOPP får inte publiceras.", vetoed.Text("[data-testid=content-error]"));
        Assert.Contains("publicera?", vetoed.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#c_HtmlBodyPart_Html")!.Value);
        var record = await site.WithScopeAsync(sp => sp.GetRequiredService<ContentDbContext>().ContentItems.SingleAsync(i => i.ContentItemId == other));
        Assert.Equal((1, (int?)null), (record.LatestVersion, record.PublishedVersion));
    }
}
