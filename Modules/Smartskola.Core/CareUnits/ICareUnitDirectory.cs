namespace Smartskola.Core.CareUnits;

/// <summary>Read-only look-up of care units for modules that only need names (implemented by Users).</summary>
public interface ICareUnitDirectory
{
    Task<IReadOnlyList<CareUnitInfo>> ListAsync(CancellationToken cancellationToken = default);
}

public sealed record CareUnitInfo(Guid Id, string Code, string Name);
