using Microsoft.EntityFrameworkCore;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Templates;

/// <summary>A template a unit can send, at the version it would send now (text pack applied).</summary>
public sealed record UsableTemplate(FormTemplate Template, TemplateVersion Version, bool Subscribed);

/// <summary>Whether a unit may send a template now, and if not, why (in Swedish).</summary>
public sealed record TemplateUseCheck(UsableTemplate? Usable, string? Refusal)
{
    public bool Ok => Usable is not null;
}

/// <summary>
/// Which templates a unit can dispatch: its own (and its copies) and those it subscribes to, always at the newest
/// published version, not retired, and, for licensed instruments, only with the unit's text pack (applied here).
/// </summary>
public sealed class TemplateUse(FormsDbContext db, FormTemplateStore store)
{
    public async Task<IReadOnlyList<UsableTemplate>> UsableByUnitAsync(Guid unitId, CancellationToken cancellationToken = default)
    {
        var subscribed = await db.Subscriptions.AsNoTracking().Where(s => s.UnitId == unitId).Select(s => s.TemplateId)
            .ToListAsync(cancellationToken);
        var templates = await db.Templates.AsNoTracking()
            .Where(t => t.RetiredUtc == null && (t.OwnerUnitId == unitId || subscribed.Contains(t.ContentItemId)))
            .ToListAsync(cancellationToken);
        var usable = new List<UsableTemplate>();
        foreach (var template in templates)
        {
            if ((await CheckAsync(template, unitId, subscribed.Contains(template.ContentItemId), cancellationToken)).Usable is { } ok)
            {
                usable.Add(ok);
            }
        }

        return usable.OrderBy(u => u.Version.Title, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).ToList();
    }

    public async Task<TemplateUseCheck> CanDispatchAsync(string templateId, Guid unitId, CancellationToken cancellationToken = default)
    {
        if (await store.GetTemplateAsync(templateId, cancellationToken) is not { } template)
        {
            return new(null, "Formulärmallen finns inte.");
        }

        var subscribed = await db.Subscriptions.AnyAsync(s => s.UnitId == unitId && s.TemplateId == templateId, cancellationToken);
        if (template.OwnerUnitId != unitId && !subscribed)
        {
            return new(null, "Formulärmallen tillhör en annan vårdenhet. Prenumerera på den eller kopiera den först.");
        }

        return await CheckAsync(template, unitId, subscribed, cancellationToken);
    }

    private async Task<TemplateUseCheck> CheckAsync(FormTemplate template, Guid unitId, bool subscribed, CancellationToken cancellationToken)
    {
        if (template.RetiredUtc is not null)
        {
            return new(null, "Formulärmallen är avvecklad och kan inte skickas.");
        }

        if (subscribed && template.OwnerUnitId != unitId && !await store.IsSharedWithAsync(template, unitId, cancellationToken))
        {
            return new(null, "Formulärmallen delas inte längre med din vårdenhet.");
        }

        if (await store.GetNewestPublishedAsync(template.ContentItemId, cancellationToken) is not { } version)
        {
            return new(null, "Formulärmallen har ingen publicerad version.");
        }

        if (version.Definition.Instrument is not null)
        {
            var pack = await db.TextPacks.AsNoTracking()
                .FirstOrDefaultAsync(p => p.UnitId == unitId && p.TemplateId == template.ContentItemId, cancellationToken);
            var texts = TextPacks.Parse(pack?.TextsJson);
            if (pack is null || TextPacks.RequiredKeys(version.Definition).Any(key => !texts.ContainsKey(key)))
            {
                return new(null, "Formuläret är ett licensierat instrument. Din vårdenhet behöver lägga in den licensierade texten (textpaket) innan det kan skickas.");
            }

            version = version with { Definition = TextPacks.Apply(version.Definition, texts) };
        }

        return new(new UsableTemplate(template, version, subscribed), null);
    }
}
