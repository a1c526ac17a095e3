using Smartskola.AuditTrail.Services;
using Smartskola.Core.Audit;
using Smartskola.Core.Recipes;
using Smartskola.Enrolment.Lifecycle;
using Smartskola.Recipes.Services;
using Smartskola.Search.Indexing;

namespace Smartskola.Cms;

/// <summary>
/// Command-line verbs: <c>verify-audit</c>, <c>rebuild-search-index</c>, <c>run-daily-jobs</c> and
/// <c>--recipe &lt;file&gt;</c>.
/// </summary>
public static class SmartskolaCommands
{
    public const string VerifyAudit = "verify-audit";
    public const string RebuildSearchIndex = "rebuild-search-index";
    public const string RunDailyJobs = "run-daily-jobs";

    public static async Task<int> RebuildSearchIndexAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(
            new AuditEvent("search.rebuild", "SearchIndex") { ActorName = "Kommandorad" });
        Console.WriteLine($"Search index rebuilt: {count} content items indexed.");
        return 0;
    }

    /// <summary>One run of the enrolment lifecycle jobs and the form reminders (what the background services do every hour); exit 1 if any failed.</summary>
    public static async Task<int> RunDailyJobsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<LifecycleJobs>().RunAsync(CancellationToken.None);
        Console.WriteLine($"Daily jobs done: {summary.Ended} enrolments ended, {summary.ModulesOpened} modules opened, " +
            $"{summary.InactivityNotices} inactivity and {summary.EndingSoonNotices} ending-soon notices, {summary.Purged} enrolments " +
            $"and {summary.PatientsPurged} patients purged, {summary.Failed} failed.");
        var forms = await scope.ServiceProvider.GetRequiredService<Smartskola.Forms.Dispatch.FormReminderJob>().RunAsync(CancellationToken.None);
        Console.WriteLine($"Form reminders done: {forms}.");
        return summary.Failed == 0 ? 0 : 1;
    }

    public static string? RecipePath(string[] args)
    {
        var index = Array.IndexOf(args, "--recipe");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(new AuditEvent("audit.verify", "AuditLog")
        {
            ActorName = "Kommandorad",
            Outcome = result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failed,
        });
        Console.WriteLine(result.IsIntact
            ? $"Audit chain intact: {result.EntriesChecked} entries checked."
            : $"Audit chain BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}");
        return result.IsIntact ? 0 : 1;
    }

    public static async Task<int> ImportRecipeAsync(WebApplication app, string path)
    {
        try
        {
            await app.Services.GetRequiredService<RecipeRunner>().RunFileAsync(path, isSetup: false);
            Console.WriteLine($"Recipe imported: {path}");
            return 0;
        }
        catch (RecipeStepException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
        catch (RecipeValidationException exception)
        {
            Console.Error.WriteLine(exception.Message);
            foreach (var error in exception.Errors)
            {
                Console.Error.WriteLine($"  - {error}");
            }

            return 2;
        }
    }
}
