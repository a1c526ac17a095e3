using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Handlers;
using Smartskola.ContentManagement.Items;
using Smartskola.Media.Library;

namespace Smartskola.Media.Publishing;

/// <summary>Refuses to publish an item whose media break <see cref="MediaRules"/>, listing every problem.</summary>
public sealed class MediaPublishingHandler(MediaRules rules) : ContentHandler
{
    public override async Task PublishingAsync(ContentContext context)
    {
        var problems = await rules.ProblemsAsync(context.Item, context.Type);
        if (problems.Count > 0)
        {
            context.Cancel(MediaRules.Reason(problems));
        }
    }
}

/// <summary>Keeps <c>MediaUsages</c> up to date after every change to an item.</summary>
public sealed class MediaUsageHandler(MediaUsages usages) : ContentHandler
{
    public override Task ChangedAsync(ContentEvent change, ContentContext context) =>
        usages.RefreshAsync(context.Item.ContentItemId);
}

/// <summary>The same rules as warnings above the editor, so they can be fixed before publishing.</summary>
public sealed class MediaContentWarnings(MediaRules rules) : IContentWarnings
{
    public async Task<IReadOnlyList<string>> GetWarningsAsync(ContentItem item, ContentTypeDefinition type,
        CancellationToken cancellationToken = default) =>
        (await rules.ProblemsAsync(item, type, cancellationToken))
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..] + ".").ToList();
}
