using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// Talks to the site as a browser without JavaScript would: keeps cookies, fills in real forms (so the
/// anti-forgery token comes from the page), and parses responses with AngleSharp to assert on what a user sees.
/// </summary>
public sealed class SiteClient(HttpClient http) : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>GET, following redirects; returns the final response and its parsed document.</summary>
    public async Task<Page> GetPageAsync(string url) => await ToPageAsync(await FollowAsync(await http.GetAsync(url)));

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 8 && IsRedirect(response.StatusCode); hops++)
        {
            var location = response.Headers.Location!;
            response = await http.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        return response;
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, takes the POST form matching <paramref name="formSelector"/>, keeps its hidden
    /// fields (anti-forgery token included), sets <paramref name="fields"/>, and submits it. Redirects are not followed.
    /// With <paramref name="button"/> (a selector inside the form) the post goes where that button would send it.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, string> fields,
        string formSelector = "main form[method=post]", string? submitHandler = null, string? button = null)
    {
        var page = await GetPageAsync(pageUrl);
        Assert.True(page.Response.IsSuccessStatusCode, $"GET {pageUrl} gave {(int)page.Response.StatusCode}");
        var forms = page.Document.QuerySelectorAll<IHtmlFormElement>(formSelector).ToList();
        var form = submitHandler is null
            ? forms.FirstOrDefault()
            : forms.FirstOrDefault(f => f.GetAttribute("action")?.Contains($"handler={submitHandler}", StringComparison.OrdinalIgnoreCase) == true);
        Assert.NotNull(form);
        // What a browser would send: every named control with its current value, then the test's changes.
        var values = new List<KeyValuePair<string, string>>();
        foreach (var control in form.Elements.OfType<IElement>())
        {
            var name = control.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || control.HasAttribute("disabled"))
            {
                continue;
            }

            switch (control)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        if (button is not null)
        {
            var submit = form.QuerySelector(button);
            Assert.True(submit is not null, $"No button {button} in the form on {pageUrl}");
            action = submit.GetAttribute("formaction") ?? action;
            if (submit.GetAttribute("name") is { Length: > 0 } name)
            {
                values.RemoveAll(v => v.Key == name);
                values.Add(new(name, submit.GetAttribute("value") ?? string.Empty));
            }
        }

        var target = string.IsNullOrEmpty(action) ? page.Response.RequestMessage!.RequestUri!.PathAndQuery : action;
        return await http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password = SiteFactory.DemoPassword) =>
        SubmitAsync("/logga-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task<Page> ToPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
        return new Page(response, document);
    }

    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    public void Dispose() => http.Dispose();
}

public sealed record Page(HttpResponseMessage Response, IDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string Path => Response.RequestMessage!.RequestUri!.AbsolutePath;

    /// <summary>The visible text of the main region, whitespace collapsed.</summary>
    public string MainText => Collapse(Document.QuerySelector("main")?.TextContent ?? Document.Body?.TextContent ?? string.Empty);

    /// <summary>The page's anti-forgery token (every form on a page carries the same one).</summary>
    public string Token => Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
        ?? throw new InvalidOperationException($"No anti-forgery token on {Path}");

    public string Text(string selector) => Collapse(Document.QuerySelector(selector)?.TextContent ?? string.Empty);

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
