using Microsoft.AspNetCore.Http;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Progress;

namespace Smartskola.Curriculum.Reading;

public enum ScopeRefusal
{
    None,
    Forbidden,
    NoProgram,
}

/// <summary>
/// Decides who is reading and what they may see. A patient reads the published program with the modules
/// <see cref="IModuleAccess"/> opens; someone with the preview permission reads at
/// <c>/admin/forhandsgranska/program</c> with the modules and version source chosen in the query
/// (<c>?moduler=1,2,3&amp;kalla=utkast</c>), and nothing they open or play is recorded.
/// </summary>
public sealed class ReadingScopeFactory(CurriculumLoader loader, IModuleAccess access, ReadingProgress progress)
{
    public const string PatientBase = "/program";
    public const string PreviewBase = "/admin/forhandsgranska/program";

    public async Task<(ReadingScope? Scope, ScopeRefusal Refusal)> CreateAsync(HttpContext http)
    {
        var user = http.User;
        var cancel = http.RequestAborted;
        if (http.Request.Path.StartsWithSegments(PreviewBase))
        {
            if (!user.HasPermission(CurriculumPermissions.Preview))
            {
                return (null, ScopeRefusal.Forbidden);
            }

            var settings = PreviewSettings.From(http.Request.Query);
            var draft = await loader.LoadAsync(settings.Drafts, cancel);
            if (draft is null)
            {
                return (null, ScopeRefusal.NoProgram);
            }

            var open = draft.Modules.Where(m => settings.Modules is null || settings.Modules.Contains(m.Number))
                .Select(m => m.Id).ToHashSet();
            return (new ReadingScope(draft, new ReaderAccess(open, new Dictionary<string, DateOnly>()), ReaderProgress.None, true, PreviewBase, settings.ToQuery()), ScopeRefusal.None);
        }

        if (!user.HasPermission(CorePermissions.PatientArea) || user.UserId() is not { } userId)
        {
            return (null, ScopeRefusal.Forbidden);
        }

        var program = await loader.LoadAsync(latest: false, cancel);
        if (program is null)
        {
            return (null, ScopeRefusal.NoProgram);
        }

        var readerAccess = await access.GetAsync(user, program, cancel);
        var read = await progress.LoadAsync(userId, cancel);
        return (new ReadingScope(program, readerAccess, read, false, PatientBase, string.Empty), ScopeRefusal.None);
    }
}

/// <summary>The preview's choices: which module numbers are open (null = all) and whether drafts are shown.</summary>
public sealed record PreviewSettings(IReadOnlySet<int>? Modules, bool Drafts)
{
    public static PreviewSettings From(IQueryCollection query)
    {
        // Several values (checkboxes) or one comma-separated list; "inga" alone means no module, nothing means all.
        var text = string.Join(',', query["moduler"].ToArray());
        IReadOnlySet<int>? modules = text.Length == 0 || text == "alla"
            ? null
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => int.TryParse(n, out var number) ? number : -1).Where(n => n > 0).ToHashSet();
        return new PreviewSettings(modules, query["kalla"] != "publicerat");
    }

    public string ToQuery() =>
        $"?moduler={(Modules is null ? "alla" : Modules.Count == 0 ? "inga" : string.Join(',', Modules.Order()))}&kalla={(Drafts ? "utkast" : "publicerat")}";
}
