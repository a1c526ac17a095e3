using System.Text.Json;
using Microsoft.Playwright;

namespace Smartskola.Tests.Infrastructure;

/// <summary>Runs axe-core (from npm, tests/Smartskola.Tests/Assets) in a page against WCAG 2.1 A and AA.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Smartskola.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Test project folder not found."),
            "Assets", "node_modules", "axe-core", "axe.min.js");
        return File.ReadAllText(path);
    });

    /// <summary>Each violation as "rule: selector, selector" (empty when the page passes).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
