using System.Globalization;
using Smartskola.Core.Site;
using Smartskola.Messaging.Data;

namespace Smartskola.Messaging.Threads;

/// <summary>A message as one reader sees it: who wrote it (in the reader's words), when, what about, and what they may do.</summary>
/// <param name="Author">"Du", a staff member's name, or the patient's name for staff.</param>
/// <param name="AboutUrl">Where the reader opens the reference, if they may.</param>
/// <param name="Mine">Written by the reader.</param>
/// <param name="WasUnread">Not read by the reader's side before this page view (shown as new).</param>
public sealed record MessageView(Message Message, string Author, string? AboutUrl, bool Mine, bool WasUnread)
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    /// <summary>Own messages can be corrected until the other side has read them.</summary>
    public bool CanEdit => Mine && Message.ReadByRecipientUtc is null;

    public static string When(DateTime utc) => SwedishTime.ToLocal(utc).ToString("d MMMM yyyy 'kl.' HH:mm", Swedish);

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"Läst 14:32" (today) or "Läst 3 dec 14:32".</summary>
    public static string ReadAt(DateTime utc, TimeProvider clock)
    {
        var local = SwedishTime.ToLocal(utc);
        return DateOnly.FromDateTime(local) == SwedishTime.Today(clock)
            ? $"Läst {local.ToString("HH:mm", Swedish)}"
            : $"Läst {local.ToString("d MMM HH:mm", Swedish)}";
    }
}
