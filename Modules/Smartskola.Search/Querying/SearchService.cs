using Microsoft.EntityFrameworkCore;
using Smartskola.Search.Data;
using Smartskola.Search.Text;

namespace Smartskola.Search.Querying;

/// <summary>What to search: the words, which versions, and optionally only these items (a patient's open modules).</summary>
public sealed record SearchRequest(string Query, SearchScope Scope, IReadOnlySet<string>? OnlyItems = null, int Limit = 30);

/// <summary>One result; <see cref="SnippetHtml"/> is HTML-encoded text with the matches in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(string ContentItemId, string ContentType, string Title, string SnippetHtml);

/// <summary>
/// Full-text search with Swedish stemming: SQLite FTS5 over stems computed by <see cref="SwedishStemmer"/>, or
/// PostgreSQL's <c>swedish</c> text search configuration (the same Snowball algorithm). Results are ranked with
/// title matches first, then by relevance.
/// </summary>
public sealed class SearchService(SearchDbContext db)
{
    public const int MaxQueryLength = 200;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var text = request.Query.Length > MaxQueryLength ? request.Query[..MaxQueryLength] : request.Query;
        var stems = SearchText.QueryStems(text);
        if (stems.Count == 0 || request.OnlyItems is { Count: 0 })
        {
            return [];
        }

        var only = request.OnlyItems?.ToArray();
        var rows = db.Database.IsNpgsql()
            ? await PostgresAsync(text, request.Scope, only, request.Limit, cancellationToken)
            : await SqliteAsync(stems, request.Scope, only, request.Limit, cancellationToken);
        return rows.Select(r => new SearchHit(r.ContentItemId, r.ContentType, r.Title,
            Snippets.Build(r.Text.Replace('\n', ' '), stems))).ToList();
    }

    private Task<List<SearchRow>> SqliteAsync(IReadOnlyList<string> stems, SearchScope scope, string[]? only, int limit,
        CancellationToken cancellationToken)
    {
        // Every stem must occur (implicit AND); each is quoted so FTS5 query syntax in the input means nothing.
        var match = string.Join(' ', stems.Select(s => $"\"{s.Replace("\"", "\"\"")}\""));
        var onlyJson = only is null ? null : System.Text.Json.JsonSerializer.Serialize(only);
        return db.Database.SqlQuery<SearchRow>($"""
            SELECT d."ContentItemId", d."ContentType", d."Title", d."Text"
            FROM "SearchFts" f JOIN "SearchDocuments" d ON d."Id" = f.rowid
            WHERE "SearchFts" MATCH {match} AND d."Scope" = {(int)scope}
              AND ({onlyJson} IS NULL OR d."ContentItemId" IN (SELECT value FROM json_each({onlyJson})))
            ORDER BY bm25("SearchFts", 8.0, 1.0)
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    private Task<List<SearchRow>> PostgresAsync(string text, SearchScope scope, string[]? only,
        int limit, CancellationToken cancellationToken)
    {
        // plainto_tsquery ANDs the words and ignores operators typed by the user.
        var all = only is null;
        var ids = only ?? [];
        return db.Database.SqlQuery<SearchRow>($"""
            SELECT d."ContentItemId", d."ContentType", d."Title", d."Text"
            FROM "SearchDocuments" d, plainto_tsquery('swedish', {text}) q
            WHERE d."Vector" @@ q AND d."Scope" = {(int)scope} AND ({all} OR d."ContentItemId" = ANY({ids}))
            ORDER BY ts_rank(d."Vector", q) DESC, d."Title"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>A result row as the raw SQL returns it (EF Core maps columns to these properties by name).</summary>
    internal sealed class SearchRow
    {
        public string ContentItemId { get; set; } = string.Empty;

        public string ContentType { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;
    }
}
