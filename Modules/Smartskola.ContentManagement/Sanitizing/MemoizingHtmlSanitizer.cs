using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Smartskola.ContentManagement.Sanitizing;

/// <summary>
/// Remembers recent results of the (deterministic, several-pass) sanitizer, so rendering a published page does not
/// re-parse the same body on every request. Keyed by a hash of the input; bounded in entries.
/// </summary>
public sealed class MemoizingHtmlSanitizer(HtmlSanitizer inner) : IHtmlSanitizer, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2000 });

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        return _cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return inner.Sanitize(html);
        })!;
    }

    public void Dispose() => _cache.Dispose();
}
