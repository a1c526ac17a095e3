namespace Smartskola.Core.Site;

/// <summary>Bound from the <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public string Name { get; set; } = "Digitala smärtskolan";

    /// <summary>
    /// Shown on every page when set, e.g. "Övningsmiljö", so a training or test environment can never be mistaken
    /// for production.
    /// </summary>
    public string? EnvironmentBanner { get; set; }
}
