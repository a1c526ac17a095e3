using Smartskola.ContentManagement.Data;

namespace Smartskola.ContentManagement.Display;

public static class StatusText
{
    public static string Of(ContentStatus status) => status switch
    {
        ContentStatus.Published => "Publicerad",
        ContentStatus.PublishedWithDraft => "Publicerad, med ändringar i utkast",
        _ => "Utkast",
    };
}
