using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Recipes;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.Recipes;

/// <summary>
/// <c>{"name": "replyTemplates", "templates": [{"title", "body", "unit": unit code (optional)}]}</c>: reply templates
/// for clinicians; without a unit a template is shared by all units. Runs in every environment (the texts are part of
/// the program's way of working, not demo data). Running it again adds only templates whose title the unit (or the
/// shared set) does not have yet, so a unit's own edits stay.
/// </summary>
public sealed class ReplyTemplatesRecipeStep(MessagingDbContext db, ICareUnitDirectory units, TimeProvider clock) : IRecipeStep
{
    public string Name => "replyTemplates";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var templates = RecipeJson.Array(step, "templates", errors);
        for (var i = 0; i < templates.Count; i++)
        {
            var where = $"templates[{i}]";
            var title = RecipeJson.RequiredString(templates[i], "title", where, errors);
            if (title.Length > ReplyTemplate.TitleMaxLength)
            {
                errors.Add($"{where}.title: högst {ReplyTemplate.TitleMaxLength} tecken.");
            }

            if (RecipeJson.RequiredString(templates[i], "body", where, errors).Length > 0
                && MessageText.Normalize(RecipeJson.OptionalString(templates[i], "body")).Error is { } error)
            {
                errors.Add($"{where}.body: {error}");
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(errors);
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var allUnits = await units.ListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var index = -1;
        foreach (var entry in step.GetProperty("templates").EnumerateArray())
        {
            var where = $"replyTemplates: templates[{++index}]";
            var title = entry.GetProperty("title").GetString()!.Trim();
            Guid? unit = RecipeJson.OptionalString(entry, "unit") is { } code
                ? allUnits.FirstOrDefault(u => u.Code == code)?.Id ?? throw new RecipeStepException($"{where}: vårdenheten '{code}' finns inte.")
                : null;
            if (await db.ReplyTemplates.AnyAsync(t => t.CareUnitId == unit && t.Title == title, cancellationToken)
                || db.ReplyTemplates.Local.Any(t => t.CareUnitId == unit && t.Title == title))
            {
                continue;
            }

            db.ReplyTemplates.Add(new ReplyTemplate
            {
                Id = Guid.NewGuid(), CareUnitId = unit, Title = title, Body = MessageText.Normalize(entry.GetProperty("body").GetString()).Text!,
                UpdatedUtc = now, Version = Guid.NewGuid(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
