using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>
/// What the program's reading pages share: the reader's <see cref="ReadingScope"/> (patient or preview), and
/// rendering an item through the content display drivers in the patient theme, and telling
/// <see cref="IReadingActivityListener"/>s what the patient did (never in the preview).
/// </summary>
public abstract class ReadingPage(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity) : PageModel
{
    public ReadingScope Scope { get; private set; } = null!;

    /// <summary>A message after a form was sent ("Avsnittet är markerat som läst"), shown once on the next page.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The signed-in patient, or null in the preview (where nothing is recorded).</summary>
    protected Guid? PatientId => Scope.Preview ? null : User.UserId();

    /// <summary>
    /// Resolves the scope; returns the refusal result, or null when the page may go on. A patient's page view is
    /// reported as <see cref="ReadingActivityKind.Visited"/>.
    /// </summary>
    protected async Task<IActionResult?> BeginAsync()
    {
        var (scope, refusal) = await scopes.CreateAsync(HttpContext);
        if (scope is null)
        {
            return refusal == ScopeRefusal.Forbidden ? Forbid() : NotFound();
        }

        Scope = scope;
        if (HttpMethods.IsGet(Request.Method) && PatientId is { } userId)
        {
            await ReportAsync(new ReadingActivity(userId, ReadingActivityKind.Visited, null, null, false));
        }

        return null;
    }

    protected Task ReportAsync(ReadingActivity readingActivity) => activity.NotifyAsync(readingActivity, HttpContext.RequestAborted);

    protected async Task<RenderedItem> RenderAsync(ContentItem item)
    {
        var type = await definitions.GetAsync(item.ContentType)
            ?? throw new InvalidOperationException($"Content type '{item.ContentType}' is not defined.");
        var view = await renderer.DisplayAsync(item, type, ContentRenderer.PatientTheme);
        return new RenderedItem(Scope.Preview ? view with { Elements = view.Elements.Select(PreviewLinks).ToList() } : view);
    }

    /// <summary>In the preview, links in texts to the patient's program stay inside the preview.</summary>
    private static ElementView PreviewLinks(ElementView element) =>
        element.Model is HtmlDisplay html
            ? element with
            {
                Model = html with
                {
                    Html = new HtmlString(html.Html.ToString()!.Replace(
                        $"href=\"{ReadingScopeFactory.PatientBase}", $"href=\"{ReadingScopeFactory.PreviewBase}", StringComparison.Ordinal)),
                },
            }
            : element;
}

/// <summary>An item's rendered parts and fields, picked by name in the page's own layout.</summary>
public sealed class RenderedItem(ContentItemView view)
{
    public ElementView? this[string name] => view.Elements.FirstOrDefault(e => e.Name == name);

    public ElementView? Body => this["HtmlBodyPart"];
}
