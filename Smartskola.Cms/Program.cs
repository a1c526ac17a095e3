using Smartskola.Cms;
using Smartskola.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment())
{
    // Structured logs; request paths and ids only, never personal data (see README, "Logging").
    builder.Logging.ClearProviders().AddJsonConsole();
}

builder.AddSmartskola(SiteModules.All());

var app = builder.Build();
if (args.Contains(SmartskolaCommands.VerifyAudit))
{
    // Read-only apart from its own audit entry: no migrations, no set-up recipe.
    return await SmartskolaCommands.VerifyAuditAsync(app);
}

await app.InitializeSmartskolaAsync();

if (args.Contains(SmartskolaCommands.RebuildSearchIndex))
{
    return await SmartskolaCommands.RebuildSearchIndexAsync(app);
}

if (args.Contains(SmartskolaCommands.RunDailyJobs))
{
    return await SmartskolaCommands.RunDailyJobsAsync(app);
}

if (SmartskolaCommands.RecipePath(args) is { } recipe)
{
    return await SmartskolaCommands.ImportRecipeAsync(app, recipe);
}

app.UseSmartskolaPipeline();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
