using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Recipes;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Recipes;

/// <summary>
/// <c>{"name": "formTemplates", "templates": [{"contentItemId", "ownerUnit", "scope", "sharedWith": [unit codes],
/// "subscribers": [unit codes]}]}</c>: who owns the <c>Formularmall</c> items of a recipe and who may use them.
/// Put it after the <c>content</c> step that creates the items. Runs in every environment: the forms are program
/// content, not demo data. Running it again updates owner and scope and adds missing shares and subscriptions; it never
/// removes what a unit has set up itself since.
/// </summary>
public sealed class FormTemplatesRecipeStep(FormsDbContext db, ICareUnitDirectory units, ContentQuery query, TimeProvider clock)
    : IRecipeStep
{
    public string Name => "formTemplates";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var templates = RecipeJson.Array(step, "templates", errors);
        var seen = new HashSet<string>();
        for (var i = 0; i < templates.Count; i++)
        {
            var where = $"templates[{i}]";
            var id = RecipeJson.RequiredString(templates[i], "contentItemId", where, errors);
            if (id.Length > 0 && !seen.Add(id))
            {
                errors.Add($"{where}: '{id}' förekommer flera gånger.");
            }

            RecipeJson.RequiredString(templates[i], "ownerUnit", where, errors);
            var scope = RecipeJson.OptionalString(templates[i], "scope");
            if (scope is not null && !Enum.TryParse<SharingScope>(scope, ignoreCase: false, out _))
            {
                errors.Add($"{where}.scope: okänd delning '{scope}' ({string.Join(", ", Enum.GetNames<SharingScope>())}).");
            }

            RecipeJson.StringList(templates[i], "sharedWith", where, errors);
            RecipeJson.StringList(templates[i], "subscribers", where, errors);
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
            var where = $"formTemplates: templates[{++index}]";
            var id = entry.GetProperty("contentItemId").GetString()!;
            var record = await query.RecordAsync(id, cancellationToken);
            if (record is null || record.DeletedUtc is not null)
            {
                throw new RecipeStepException($"{where}: innehållet '{id}' finns inte (lägg steget efter innehållet).");
            }

            if (record.ContentType != FormTypes.Template)
            {
                throw new RecipeStepException($"{where}: '{id}' är inte en formulärmall ({FormTypes.Template}) utan '{record.ContentType}'.");
            }

            Guid Unit(string code) => allUnits.FirstOrDefault(u => u.Code == code)?.Id
                ?? throw new RecipeStepException($"{where}: vårdenheten '{code}' finns inte.");

            var owner = Unit(entry.GetProperty("ownerUnit").GetString()!);
            var scope = Enum.Parse<SharingScope>(RecipeJson.OptionalString(entry, "scope") ?? nameof(SharingScope.Private));
            var shares = RecipeJson.StringList(entry, "sharedWith", where, []).Select(Unit).Distinct().ToList();
            var subscribers = RecipeJson.StringList(entry, "subscribers", where, []).Select(Unit).Distinct().ToList();

            var template = await db.Templates.FirstOrDefaultAsync(t => t.ContentItemId == id, cancellationToken);
            if (template is null)
            {
                db.Templates.Add(new FormTemplate
                {
                    ContentItemId = id, OwnerUnitId = owner, Scope = scope, CreatedUtc = now, Version = Guid.NewGuid(),
                });
            }
            else if (template.OwnerUnitId != owner || template.Scope != scope)
            {
                template.OwnerUnitId = owner;
                template.Scope = scope;
                template.Version = Guid.NewGuid();
            }

            var existingShares = await db.Shares.Where(s => s.TemplateId == id).Select(s => s.UnitId).ToListAsync(cancellationToken);
            db.Shares.AddRange(shares.Except(existingShares).Select(u => new FormTemplateShare { TemplateId = id, UnitId = u }));
            var existingSubscribers = await db.Subscriptions.Where(s => s.TemplateId == id).Select(s => s.UnitId).ToListAsync(cancellationToken);
            // A recipe has no signed-in user: Guid.Empty marks a subscription the installation made.
            db.Subscriptions.AddRange(subscribers.Where(u => u != owner).Except(existingSubscribers)
                .Select(u => new FormSubscription { UnitId = u, TemplateId = id, CreatedUtc = now, CreatedBy = Guid.Empty }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
