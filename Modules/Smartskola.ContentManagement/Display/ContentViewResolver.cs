using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Smartskola.ContentManagement.Display;

/// <summary>
/// Finds the Razor partial for a part or field. The most specific file wins:
/// <list type="number">
/// <item><c>/Views/Content/{Theme}/{Kind}-{ContentType}.cshtml</c> (a theme, for one content type)</item>
/// <item><c>/Views/Content/{Theme}/{Kind}.cshtml</c> (a theme)</item>
/// <item><c>/Views/Content/{Kind}-{ContentType}.cshtml</c> (one content type)</item>
/// <item><c>/Views/Content/{Kind}.cshtml</c> (the default, shipped with the driver)</item>
/// </list>
/// Editors follow the same rule under <c>/Views/ContentEdit/</c> (without themes: the admin has one).
/// </summary>
public sealed class ContentViewResolver(IRazorViewEngine viewEngine)
{
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public string Display(string kind, string contentType, string theme) =>
        _cache.GetOrAdd($"d|{theme}|{contentType}|{kind}", _ => First(
            $"/Views/Content/{theme}/{kind}-{contentType}.cshtml",
            $"/Views/Content/{theme}/{kind}.cshtml",
            $"/Views/Content/{kind}-{contentType}.cshtml",
            $"/Views/Content/{kind}.cshtml"));

    public string Editor(string kind, string contentType) =>
        _cache.GetOrAdd($"e|{contentType}|{kind}", _ => First(
            $"/Views/ContentEdit/{kind}-{contentType}.cshtml",
            $"/Views/ContentEdit/{kind}.cshtml"));

    private string First(params string[] paths)
    {
        foreach (var path in paths[..^1])
        {
            if (viewEngine.GetView(executingFilePath: null, viewPath: path, isMainPage: false).Success)
            {
                return path;
            }
        }

        return paths[^1];
    }
}
