namespace Smartskola.Core.Navigation;

/// <summary>An entry in the staff theme's navigation, shown only to users holding <see cref="Permission"/>.</summary>
public sealed record AdminMenuItem(string Text, string Url, string Permission, int Order = 100);
