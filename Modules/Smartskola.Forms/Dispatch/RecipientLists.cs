using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Dispatch;

/// <summary>A saved recipient list with its members' names.</summary>
public sealed record RecipientListView(RecipientList List, IReadOnlyList<(Guid EnrolmentId, string Name)> Members);

/// <summary>Saved recipient lists of a unit. Members must be enrolments of that unit.</summary>
public sealed class RecipientLists(FormsDbContext db, EnrolmentDbContext enrolments, SharedDbConnection connection, TimeProvider clock)
{
    public const int NameMaxLength = 200;

    public async Task<IReadOnlyList<RecipientListView>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default)
    {
        var lists = await db.RecipientLists.AsNoTracking().Where(l => unitIds.Contains(l.UnitId)).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var ids = lists.Select(l => l.Id).ToList();
        var members = await db.RecipientListMembers.AsNoTracking().Where(m => ids.Contains(m.ListId)).ToListAsync(cancellationToken);
        var enrolmentIds = members.Select(m => m.EnrolmentId).Distinct().ToList();
        var names = (await (from e in enrolments.Enrolments.AsNoTracking()
                            join p in enrolments.Patients.AsNoTracking() on e.PatientId equals p.Id
                            where enrolmentIds.Contains(e.Id)
                            select new { e.Id, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => $"{r.GivenName} {r.FamilyName}".Trim());
        return lists.Select(l => new RecipientListView(l, members.Where(m => m.ListId == l.Id)
            .Select(m => (m.EnrolmentId, names.GetValueOrDefault(m.EnrolmentId, "–"))).OrderBy(m => m.Item2).ToList())).ToList();
    }

    /// <summary>Creates a list; returns a Swedish error or null.</summary>
    public async Task<string?> CreateAsync(Guid unitId, string? name, IReadOnlyCollection<Guid> enrolmentIds, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameMaxLength)
        {
            return $"Ge listan ett namn (högst {NameMaxLength} tecken).";
        }

        if (enrolmentIds.Count == 0)
        {
            return "Välj minst en patient.";
        }

        var valid = await enrolments.Enrolments.AsNoTracking().CountAsync(e => enrolmentIds.Contains(e.Id) && e.CareUnitId == unitId, cancellationToken);
        if (valid != enrolmentIds.Count)
        {
            return "Listan kan bara innehålla patienter på vårdenheten.";
        }

        if (await db.RecipientLists.AnyAsync(l => l.UnitId == unitId && l.Name == name, cancellationToken))
        {
            return "Det finns redan en lista med det namnet.";
        }

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        var list = new RecipientList { Id = Guid.NewGuid(), UnitId = unitId, Name = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.RecipientLists.Add(list);
        db.RecipientListMembers.AddRange(enrolmentIds.Select(id => new RecipientListMember { ListId = list.Id, EnrolmentId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes a list of one of the given units; false when there is none.</summary>
    public async Task<bool> DeleteAsync(Guid listId, IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default) =>
        await db.RecipientLists.Where(l => l.Id == listId && unitIds.Contains(l.UnitId)).ExecuteDeleteAsync(cancellationToken) == 1;
}
