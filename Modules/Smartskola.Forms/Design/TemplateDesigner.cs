using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Persistence;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Design;

/// <summary>A template as its designer sees it: the latest version (maybe a draft) and where it stands.</summary>
public sealed record DesignedTemplate(FormTemplate Template, string Title, FormDefinition Definition, int LatestVersion,
    int? PublishedVersion)
{
    public bool IsDraftOverPublished => PublishedVersion is { } published && LatestVersion > published;

    /// <summary>"Utkast", "Publicerad v3", "Ändrat utkast över v3", "Avvecklad".</summary>
    public string Status => Template.RetiredUtc is not null ? "Avvecklad"
        : PublishedVersion is not { } p ? "Utkast"
        : LatestVersion > p ? $"Ändrat utkast över v{p}"
        : $"Publicerad v{p}";
}

/// <summary>
/// The designer's operations on templates: create, save drafts, publish (after validation), retire, share. Only
/// members of the owner unit may do them (<paramref name="units"/> are the caller's care units); for anyone else a
/// template answers as missing (404). The content manager keeps the versions: a published version is never changed
/// in place, saving over it creates a new draft version.
/// </summary>
public sealed partial class TemplateDesigner(FormsDbContext db, ContentManager content, ContentQuery query,
    SharedDbConnection connection, FormTemplateStore store, TimeProvider clock)
{
    public const int MaxTitleLength = 300;

    /// <summary>A new draft template owned by <paramref name="unitId"/> (one of the caller's units).</summary>
    public async Task<string> CreateAsync(Guid unitId, IReadOnlySet<Guid> units, string title,
        FormDefinition? definition = null, (string Id, int Version)? copiedFrom = null, CancellationToken cancellationToken = default)
    {
        if (!units.Contains(unitId))
        {
            throw new DesignException(404, "Vårdenheten finns inte.");
        }

        title = CheckTitle(title);
        var item = content.New(FormTypes.Template);
        item.SetElement("TitlePart", null, new JsonObject { ["title"] = title });
        item.SetElement(FormDefinitionPartDriver.PartKind, null, FormDefinitionPartDriver.ToPart(definition ?? new FormDefinition()));
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            await content.SaveAsync(item, 0, SaveMode.Draft, cancellationToken: cancellationToken);
            db.Templates.Add(new FormTemplate
            {
                ContentItemId = item.ContentItemId,
                OwnerUnitId = unitId,
                Scope = SharingScope.Private,
                CopiedFromId = copiedFrom?.Id,
                CopiedFromVersion = copiedFrom?.Version,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return item.ContentItemId;
    }

    /// <summary>The latest version of one of the caller's units' templates.</summary>
    public async Task<DesignedTemplate> LoadAsync(string id, IReadOnlySet<Guid> units, CancellationToken cancellationToken = default)
    {
        var template = await OwnTemplateAsync(id, units, cancellationToken);
        var latest = await content.GetLatestAsync(id, cancellationToken) ?? throw DesignException.NotFound();
        var record = await query.RecordAsync(id, cancellationToken);
        return new DesignedTemplate(template, TitleOf(latest), FormDefinitionPartDriver.Read(latest.Element(FormDefinitionPartDriver.PartKind)),
            latest.VersionNumber, record?.PublishedVersion);
    }

    /// <summary>The caller's units' templates, newest first.</summary>
    public async Task<IReadOnlyList<DesignedTemplate>> OwnAsync(IReadOnlySet<Guid> units, CancellationToken cancellationToken = default)
    {
        var ids = units.ToList();
        var templates = await db.Templates.AsNoTracking().Where(t => ids.Contains(t.OwnerUnitId))
            .OrderByDescending(t => t.CreatedUtc).ToListAsync(cancellationToken);
        var list = new List<DesignedTemplate>();
        foreach (var template in templates)
        {
            if (await query.RecordAsync(template.ContentItemId, cancellationToken) is { DeletedUtc: null } record)
            {
                list.Add(new DesignedTemplate(template, record.DisplayText, new FormDefinition(), record.LatestVersion, record.PublishedVersion));
            }
        }

        return list;
    }

    /// <summary>
    /// Saves title and definition as a new draft version on top of <paramref name="expectedVersion"/>. Items without an
    /// id get a new one; the id counter never goes back, so an id that once existed is never given to another item.
    /// </summary>
    public async Task<int> SaveDraftAsync(string id, IReadOnlySet<Guid> units, string title, string definitionJson,
        int expectedVersion, CancellationToken cancellationToken = default)
    {
        await OwnTemplateAsync(id, units, cancellationToken);
        title = CheckTitle(title);
        var definition = Parse(definitionJson);
        var latest = await content.GetLatestAsync(id, cancellationToken) ?? throw DesignException.NotFound();
        if (latest.VersionNumber != expectedVersion)
        {
            throw DesignException.Conflict();
        }

        var previous = FormDefinitionPartDriver.Read(latest.Element(FormDefinitionPartDriver.PartKind));
        AssignIds(definition, previous.NextId);
        var item = latest.CloneVersion();
        item.SetElement("TitlePart", null, new JsonObject { ["title"] = title });
        item.SetElement(FormDefinitionPartDriver.PartKind, null, FormDefinitionPartDriver.ToPart(definition));
        try
        {
            await content.SaveAsync(item, expectedVersion, SaveMode.Draft, cancellationToken: cancellationToken);
        }
        catch (ContentConflictException)
        {
            throw DesignException.Conflict();
        }

        return item.VersionNumber;
    }

    /// <summary>Publishes the latest version after validating it; refuses (422) listing every problem.</summary>
    public async Task<int> PublishAsync(string id, IReadOnlySet<Guid> units, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var designed = await LoadAsync(id, units, cancellationToken);
        if (designed.LatestVersion != expectedVersion)
        {
            throw DesignException.Conflict();
        }

        var problems = FormDefinitionValidator.Validate(designed.Definition);
        if (problems.Count > 0)
        {
            throw new DesignException(422, "Formulärmallen kan inte publiceras förrän problemen nedan är rättade.", problems);
        }

        try
        {
            await content.PublishAsync(id, expectedVersion, cancellationToken);
        }
        catch (ContentConflictException)
        {
            throw DesignException.Conflict();
        }

        return expectedVersion;
    }

    public Task RetireAsync(string id, IReadOnlySet<Guid> units, Guid rowVersion, CancellationToken cancellationToken = default) =>
        UpdateRowAsync(id, units, rowVersion, t => t.RetiredUtc = clock.GetUtcNow().UtcDateTime, cancellationToken);

    public Task ReinstateAsync(string id, IReadOnlySet<Guid> units, Guid rowVersion, CancellationToken cancellationToken = default) =>
        UpdateRowAsync(id, units, rowVersion, t => t.RetiredUtc = null, cancellationToken);

    public async Task<IReadOnlyList<Guid>> SharedUnitsAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Shares.AsNoTracking().Where(s => s.TemplateId == id).Select(s => s.UnitId).ToListAsync(cancellationToken);

    /// <summary>Sets who may use the template; chosen units only count for <see cref="SharingScope.ChosenUnits"/>.</summary>
    public async Task ShareAsync(string id, IReadOnlySet<Guid> units, SharingScope scope, IReadOnlyCollection<Guid> chosenUnits,
        Guid rowVersion, CancellationToken cancellationToken = default)
    {
        if (scope == SharingScope.ChosenUnits && chosenUnits.Count == 0)
        {
            throw new DesignException(422, "Välj minst en vårdenhet att dela med.");
        }

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        await UpdateRowAsync(id, units, rowVersion, t => t.Scope = scope, cancellationToken);
        await db.Shares.Where(s => s.TemplateId == id).ExecuteDeleteAsync(cancellationToken);
        if (scope == SharingScope.ChosenUnits)
        {
            var owner = (await db.Templates.AsNoTracking().FirstAsync(t => t.ContentItemId == id, cancellationToken)).OwnerUnitId;
            db.Shares.AddRange(chosenUnits.Where(u => u != owner).Distinct().Select(u => new FormTemplateShare { TemplateId = id, UnitId = u }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Templates other units share with <paramref name="unitId"/> that have a published version.</summary>
    public async Task<IReadOnlyList<(FormTemplate Template, string Title, bool Subscribed)>> SharedWithAsync(Guid unitId,
        CancellationToken cancellationToken = default)
    {
        var chosen = db.Shares.Where(s => s.UnitId == unitId).Select(s => s.TemplateId);
        var templates = await db.Templates.AsNoTracking()
            .Where(t => t.OwnerUnitId != unitId && t.RetiredUtc == null
                && (t.Scope == SharingScope.AllUnits || (t.Scope == SharingScope.ChosenUnits && chosen.Contains(t.ContentItemId))))
            .ToListAsync(cancellationToken);
        var subscribed = await db.Subscriptions.AsNoTracking().Where(s => s.UnitId == unitId).Select(s => s.TemplateId)
            .ToListAsync(cancellationToken);
        var list = new List<(FormTemplate, string, bool)>();
        foreach (var template in templates)
        {
            if (await query.PublishedTitleAsync(template.ContentItemId, cancellationToken) is { } title)
            {
                list.Add((template, title, subscribed.Contains(template.ContentItemId)));
            }
        }

        return list.OrderBy(t => t.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Unit <paramref name="unitId"/> uses another unit's shared template as it is (newest published version).</summary>
    public async Task SubscribeAsync(string id, Guid unitId, IReadOnlySet<Guid> units, Guid userId, CancellationToken cancellationToken = default)
    {
        var template = await SharedTemplateAsync(id, unitId, units, cancellationToken);
        if (await db.Subscriptions.AnyAsync(s => s.UnitId == unitId && s.TemplateId == template.ContentItemId, cancellationToken))
        {
            return;
        }

        db.Subscriptions.Add(new FormSubscription
        {
            UnitId = unitId, TemplateId = template.ContentItemId, CreatedBy = userId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click: the other request subscribed first, which is what was asked.
            db.ChangeTracker.Clear();
        }
    }

    public async Task UnsubscribeAsync(string id, Guid unitId, IReadOnlySet<Guid> units, CancellationToken cancellationToken = default)
    {
        if (!units.Contains(unitId))
        {
            throw DesignException.NotFound();
        }

        await db.Subscriptions.Where(s => s.UnitId == unitId && s.TemplateId == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// A new draft template of <paramref name="unitId"/> with the definition of the given (or newest) published version,
    /// remembering where it came from. Works for the unit's own templates and for those shared with it.
    /// </summary>
    public async Task<string> CopyAsync(string id, Guid unitId, IReadOnlySet<Guid> units, int? version = null,
        CancellationToken cancellationToken = default)
    {
        var template = await store.GetTemplateAsync(id, cancellationToken) ?? throw DesignException.NotFound();
        if (!units.Contains(unitId) || (template.OwnerUnitId != unitId
            && (template.Scope == SharingScope.Private || !await store.IsSharedWithAsync(template, unitId, cancellationToken))))
        {
            throw DesignException.NotFound();
        }

        var source = version is { } v ? await store.GetVersionAsync(id, v, cancellationToken)
            : await store.GetNewestPublishedAsync(id, cancellationToken);
        if (source is null)
        {
            throw new DesignException(422, "Formulärmallen har ingen publicerad version att kopiera.");
        }

        var title = source.Title.Length > MaxTitleLength - 9 ? source.Title[..(MaxTitleLength - 9)] : source.Title;
        return await CreateAsync(unitId, units, $"{title} (kopia)", source.Definition, (id, source.Version), cancellationToken);
    }

    /// <summary>Unit <paramref name="unitId"/>'s licensed wording for an instrument template, or null.</summary>
    public Task<FormTextPack?> TextPackAsync(string id, Guid unitId, CancellationToken cancellationToken = default) =>
        db.TextPacks.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unitId && p.TemplateId == id, cancellationToken);

    /// <summary>
    /// Saves a unit's text pack: every required key and a licence reference. <paramref name="expected"/> is the pack's
    /// version the form was loaded with (null for a new pack): a pack changed in between is a conflict.
    /// </summary>
    public async Task SaveTextPackAsync(string id, Guid unitId, IReadOnlySet<Guid> units, IReadOnlyDictionary<string, string> texts,
        string licenceReference, Guid? expected, CancellationToken cancellationToken = default)
    {
        var template = await store.GetTemplateAsync(id, cancellationToken) ?? throw DesignException.NotFound();
        if (!units.Contains(unitId) || !await store.IsSharedWithAsync(template, unitId, cancellationToken))
        {
            throw DesignException.NotFound();
        }

        var version = await store.GetNewestPublishedAsync(id, cancellationToken);
        if (version?.Definition.Instrument is null)
        {
            throw new DesignException(422, "Formulärmallen är inget licensierat instrument och behöver inget textpaket.");
        }

        var required = TextPacks.RequiredKeys(version.Definition);
        var clean = required.Where(k => texts.TryGetValue(k, out var t) && !string.IsNullOrWhiteSpace(t))
            .ToDictionary(k => k, k => texts[k].Trim());
        if (clean.Count != required.Count)
        {
            throw new DesignException(422, "Fyll i den licensierade texten för alla frågor och svarsalternativ.");
        }

        if (string.IsNullOrWhiteSpace(licenceReference))
        {
            throw new DesignException(422, "Ange licensreferensen.");
        }

        var pack = await db.TextPacks.FirstOrDefaultAsync(p => p.UnitId == unitId && p.TemplateId == id, cancellationToken);
        if ((pack is null) != (expected is null) || (pack is not null && pack.Version != expected))
        {
            throw DesignException.Conflict();
        }

        if (pack is null)
        {
            pack = new FormTextPack { Id = Guid.NewGuid(), UnitId = unitId, TemplateId = id };
            db.TextPacks.Add(pack);
        }

        pack.TextsJson = JsonSerializer.Serialize(clean);
        pack.LicenceReference = licenceReference.Trim();
        pack.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        pack.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw DesignException.Conflict();
        }
    }

    /// <summary>Parses a posted definition; bad JSON is a 400 with a Swedish message.</summary>
    public static FormDefinition Parse(string json)
    {
        try
        {
            return FormDefinition.FromJson(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (JsonException)
        {
            throw new DesignException(400, "Formulärdefinitionen kunde inte läsas. Ladda om sidan och försök igen.");
        }
    }

    /// <summary>Gives items without an id a new one; NextId only grows (over the posted and the stored counter and every id in use).</summary>
    public static void AssignIds(FormDefinition definition, int storedNextId)
    {
        var highest = definition.AllItems().Select(i => GeneratedId().Match(i.Id)).Where(m => m.Success)
            .Select(m => int.TryParse(m.Groups[1].Value, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        definition.NextId = Math.Max(Math.Max(definition.NextId, storedNextId), highest + 1);
        foreach (var item in definition.AllItems().Where(i => string.IsNullOrWhiteSpace(i.Id)))
        {
            item.Id = definition.NewId();
        }
    }

    private async Task<FormTemplate> OwnTemplateAsync(string id, IReadOnlySet<Guid> units, CancellationToken cancellationToken)
    {
        var template = await store.GetTemplateAsync(id, cancellationToken);
        return template is not null && units.Contains(template.OwnerUnitId) ? template : throw DesignException.NotFound();
    }

    private async Task<FormTemplate> SharedTemplateAsync(string id, Guid unitId, IReadOnlySet<Guid> units, CancellationToken cancellationToken)
    {
        var template = await store.GetTemplateAsync(id, cancellationToken);
        if (template is null || !units.Contains(unitId) || template.Scope == SharingScope.Private
            || !await store.IsSharedWithAsync(template, unitId, cancellationToken))
        {
            throw DesignException.NotFound();
        }

        if (template.OwnerUnitId == unitId)
        {
            throw new DesignException(422, "Mallen tillhör redan din vårdenhet; du behöver inte prenumerera på den.");
        }

        if (template.RetiredUtc is not null || await store.GetNewestPublishedAsync(id, cancellationToken) is null)
        {
            throw new DesignException(422, "Formulärmallen har ingen publicerad version som kan användas.");
        }

        return template;
    }

    private async Task UpdateRowAsync(string id, IReadOnlySet<Guid> units, Guid rowVersion, Action<FormTemplate> change,
        CancellationToken cancellationToken)
    {
        var template = await db.Templates.FirstOrDefaultAsync(t => t.ContentItemId == id, cancellationToken);
        if (template is null || !units.Contains(template.OwnerUnitId))
        {
            throw DesignException.NotFound();
        }

        if (template.Version != rowVersion)
        {
            throw DesignException.Conflict();
        }

        change(template);
        template.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw DesignException.Conflict();
        }
    }

    private static string CheckTitle(string? title)
    {
        title = title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            throw new DesignException(422, "Ange en titel.");
        }

        return title.Length > MaxTitleLength ? throw new DesignException(422, $"Titeln får vara högst {MaxTitleLength} tecken.") : title;
    }

    private static string TitleOf(ContentItem item) => item.Element("TitlePart")?["title"]?.GetValue<string>() ?? string.Empty;

    [GeneratedRegex("^f([0-9]+)$")]
    private static partial Regex GeneratedId();
}
