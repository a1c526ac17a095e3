using Microsoft.EntityFrameworkCore;
using Smartskola.Messaging.Data;
using Smartskola.Messaging.Threads;

namespace Smartskola.Messaging.ReplyTemplates;

/// <summary>What a template form sent.</summary>
public sealed class ReplyTemplateInput
{
    public Guid UnitId { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }
}

/// <summary>The result of a change: the template's id, or an HTTP status (404, 409, 422) with Swedish reasons by field.</summary>
public sealed record TemplateOutcome(Guid? Id, int Status, IReadOnlyDictionary<string, string> Errors)
{
    public bool Ok => Status == 200;

    public static TemplateOutcome Done(Guid id) => new(id, 200, new Dictionary<string, string>());

    public static TemplateOutcome NotFound() => new(null, 404, new Dictionary<string, string>());

    public static TemplateOutcome Conflict() =>
        new(null, 409, new Dictionary<string, string> { [""] = "Mallen har ändrats av någon annan under tiden. Läs in sidan igen och gör om ändringen." });
}

/// <summary>
/// Reply templates: a unit's own (its staff manage them) and shared ones from the installation (no unit, read-only
/// here). Edits carry the version they started from; a stale one is refused, never overwritten.
/// </summary>
public sealed class ReplyTemplateService(MessagingDbContext db, TimeProvider clock)
{
    /// <summary>Templates the user may use: their units' and the shared ones, by title.</summary>
    public async Task<IReadOnlyList<ReplyTemplate>> UsableAsync(IReadOnlySet<Guid> unitIds, CancellationToken cancellationToken)
    {
        var units = unitIds.ToList();
        var templates = await db.ReplyTemplates.AsNoTracking().Where(t => t.CareUnitId == null || units.Contains(t.CareUnitId.Value))
            .ToListAsync(cancellationToken);
        return templates.OrderBy(t => t.Title, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).ToList();
    }

    public async Task<TemplateOutcome> CreateAsync(IReadOnlySet<Guid> userUnits, ReplyTemplateInput input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (!userUnits.Contains(input.UnitId))
        {
            errors[nameof(input.UnitId)] = "Välj en av dina vårdenheter.";
        }

        if (errors.Count > 0)
        {
            return new(null, 422, errors);
        }

        var template = new ReplyTemplate
        {
            Id = Guid.NewGuid(), CareUnitId = input.UnitId, Title = input.Title!.Trim(), Body = MessageText.Normalize(input.Body).Text!,
            UpdatedUtc = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(),
        };
        db.ReplyTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return TemplateOutcome.Done(template.Id);
    }

    public async Task<TemplateOutcome> UpdateAsync(IReadOnlySet<Guid> userUnits, Guid id, Guid version, ReplyTemplateInput input,
        CancellationToken cancellationToken)
    {
        if (await OwnAsync(userUnits, id, cancellationToken) is not { } template)
        {
            return TemplateOutcome.NotFound();
        }

        if (template.Version != version)
        {
            return TemplateOutcome.Conflict();
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new(null, 422, errors);
        }

        template.Title = input.Title!.Trim();
        template.Body = MessageText.Normalize(input.Body).Text!;
        template.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        template.Version = Guid.NewGuid();
        return await SaveAsync(template.Id, cancellationToken);
    }

    public async Task<TemplateOutcome> DeleteAsync(IReadOnlySet<Guid> userUnits, Guid id, Guid version, CancellationToken cancellationToken)
    {
        if (await OwnAsync(userUnits, id, cancellationToken) is not { } template)
        {
            return TemplateOutcome.NotFound();
        }

        if (template.Version != version)
        {
            return TemplateOutcome.Conflict();
        }

        db.ReplyTemplates.Remove(template);
        return await SaveAsync(id, cancellationToken);
    }

    /// <summary>A template of one of the user's units (shared ones are not theirs to change).</summary>
    private async Task<ReplyTemplate?> OwnAsync(IReadOnlySet<Guid> userUnits, Guid id, CancellationToken cancellationToken)
    {
        var template = await db.ReplyTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return template?.CareUnitId is { } unit && userUnits.Contains(unit) ? template : null;
    }

    private async Task<TemplateOutcome> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TemplateOutcome.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TemplateOutcome.Conflict();
        }
    }

    private static Dictionary<string, string> Validate(ReplyTemplateInput input)
    {
        var errors = new Dictionary<string, string>();
        var title = input.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors[nameof(input.Title)] = "Ge mallen ett namn.";
        }
        else if (title.Length > ReplyTemplate.TitleMaxLength)
        {
            errors[nameof(input.Title)] = $"Namnet får vara högst {ReplyTemplate.TitleMaxLength} tecken.";
        }

        if (MessageText.Normalize(input.Body).Error is { } error)
        {
            errors[nameof(input.Body)] = error == "Skriv ett meddelande." ? "Skriv mallens text." : error;
        }

        return errors;
    }
}
