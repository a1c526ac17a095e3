using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Core.Settings;

/// <summary>One site-wide setting, stored as JSON (set by the <c>settings</c> recipe step or an admin page).</summary>
public sealed class SiteSetting
{
    public string Key { get; set; } = string.Empty;

    public string Json { get; set; } = "null";

    public DateTime ModifiedUtc { get; set; }
}

/// <summary>Reads and writes site settings. Values are small JSON documents keyed by a dotted name.</summary>
public sealed class SiteSettings(CoreDbContext db, TimeProvider clock)
{
    public async Task<JsonNode?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var row = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        return row is null ? null : JsonNode.Parse(row.Json);
    }

    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        var node = await GetAsync(key, cancellationToken);
        return node is null ? default : node.Deserialize<T>(JsonOptions);
    }

    public async Task SetAsync(string key, JsonNode? value, CancellationToken cancellationToken = default)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            row = new SiteSetting { Key = key };
            db.SiteSettings.Add(row);
        }

        row.Json = value?.ToJsonString() ?? "null";
        row.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
