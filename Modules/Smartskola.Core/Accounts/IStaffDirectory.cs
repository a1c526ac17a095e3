namespace Smartskola.Core.Accounts;

/// <summary>Read-only look-up of staff accounts for modules that assign work to people (implemented by Users).</summary>
public interface IStaffDirectory
{
    /// <summary>Active accounts holding <paramref name="role"/> that are members of <paramref name="unitId"/>, by name.</summary>
    Task<IReadOnlyList<StaffMember>> InUnitAsync(Guid unitId, string role, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, StaffMember>> FindAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default);

    Task<StaffMember?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}

public sealed record StaffMember(Guid Id, string DisplayName, string Email, IReadOnlySet<Guid> UnitIds);
