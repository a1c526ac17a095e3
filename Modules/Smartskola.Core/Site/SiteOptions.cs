namespace Smartskola.Core.Site;

/// <summary>Bound from the <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public string Name { get; set; } = "Digitala smärtskolan";

    /// <summary>
    /// The site's public address (e.g. <c>https://smartskola.region.se</c>) for links in mail. Unset: the address of
    /// the request (fine locally; set it behind a proxy so links never carry an internal or spoofed host).
    /// </summary>
    public string? PublicUrl { get; set; }

    public string BaseUrl(Microsoft.AspNetCore.Http.HttpRequest request) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : PublicUrl.TrimEnd('/');

    /// <summary>
    /// Shown on every page when set, e.g. "Övningsmiljö", so a training or test environment can never be mistaken
    /// for production.
    /// </summary>
    public string? EnvironmentBanner { get; set; }
}
