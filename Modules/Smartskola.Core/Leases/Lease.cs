namespace Smartskola.Core.Leases;

public sealed class Lease
{
    public string Name { get; set; } = string.Empty;

    public string Holder { get; set; } = string.Empty;

    public DateTime ExpiresUtc { get; set; }
}
