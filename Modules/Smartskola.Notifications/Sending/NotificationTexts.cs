using Microsoft.Extensions.Options;
using Smartskola.Core.Site;

namespace Smartskola.Notifications.Sending;

/// <summary>One notification's words: the e-mail's subject and body, and the SMS text.</summary>
public sealed record NotificationText(string Subject, string Body, string Sms);

/// <summary>
/// The Swedish texts per kind. They say only THAT something waits and where to sign in: never the message text, a
/// name, a diagnosis or a form title, because e-mail and SMS are not secure channels and may be read by others.
/// </summary>
public sealed class NotificationTexts(IOptions<SiteOptions> site)
{
    public string SiteName => site.Value.Name;

    /// <summary>The sign-in address for links: <paramref name="baseUrl"/>, else <c>Site:PublicUrl</c>; null: no link.</summary>
    public string? SignInUrl(string? baseUrl = null)
    {
        var root = !string.IsNullOrWhiteSpace(baseUrl) ? baseUrl : site.Value.PublicUrl;
        return string.IsNullOrWhiteSpace(root) ? null : $"{root.TrimEnd('/')}/program";
    }

    public NotificationText For(string kind, string? baseUrl = null)
    {
        var name = SiteName;
        var (subject, what) = kind switch
        {
            NotificationKinds.NewMessage => ("Nytt meddelande", $"Du har ett nytt meddelande i {name}."),
            NotificationKinds.Inactivity => ("Välkommen tillbaka", $"Det var ett tag sedan du var inne i {name}. Ditt program väntar på dig."),
            NotificationKinds.FormDue => ("Påminnelse: ett formulär väntar på dig", $"Du har ett formulär i {name} som inte är ifyllt ännu."),
            NotificationKinds.FormNew => ("Nytt formulär att fylla i", $"Du har fått ett nytt formulär i {name}."),
            NotificationKinds.ModuleOpened => ("En ny modul är öppen", $"En ny modul har öppnats för dig i {name}."),
            NotificationKinds.Digest => ("Veckans sammanfattning", $"Det har hänt saker i {name} sedan förra veckan."),
            _ => ("Något väntar på dig", $"Det finns något nytt för dig i {name}."),
        };
        var link = SignInUrl(baseUrl);
        var body = $"Hej!\n\n{what}\n" + (link is null ? $"Logga in i {name} för att se det.\n" : $"Logga in för att se det: {link}\n")
            + "\nDu kan ändra dina notifieringar under Inställningar när du är inloggad.\n";
        var sms = link is null ? $"{what} Logga in för att se det." : $"{what} Logga in: {link}";
        return new($"{name}: {subject}", body, sms);
    }

    /// <summary>The one-time code for a new address. The code is the only thing in it.</summary>
    public NotificationText Verification(string code) => new(
        $"{SiteName}: din kod",
        $"Hej!\n\nDin kod för att bekräfta adressen i {SiteName} är: {code}\nKoden gäller i 15 minuter.\n\n"
        + "Har du inte bett om en kod kan du bortse från det här meddelandet.\n",
        $"Din kod för {SiteName}: {code} (gäller i 15 minuter)");

    /// <summary>To staff: no patient details, only where to look.</summary>
    public NotificationText StaffNewMessage() => new(
        $"{SiteName}: nytt meddelande",
        $"Hej!\n\nEn patient har skrivit ett nytt meddelande i {SiteName}.\nLogga in och öppna Mina patienter för att läsa det.\n"
        + "\nDu kan stänga av de här e-postmeddelandena under Inställningar > Notifieringar.\n",
        string.Empty);
}
