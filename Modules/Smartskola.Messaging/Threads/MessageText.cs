namespace Smartskola.Messaging.Threads;

/// <summary>What a message may contain: plain text, 1–5000 characters after trimming, line breaks kept.</summary>
public static class MessageText
{
    /// <summary>The text to store (trimmed, line endings as \n), or a Swedish reason it cannot be sent.</summary>
    public static (string? Text, string? Error) Normalize(string? body)
    {
        var text = (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0)
        {
            return (null, "Skriv ett meddelande.");
        }

        if (text.Length > Data.Message.BodyMaxLength)
        {
            return (null, $"Meddelandet får vara högst {Data.Message.BodyMaxLength} tecken (nu {text.Length}).");
        }

        // Control characters other than line breaks and tabs have no place in a message (and would not show).
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return (null, "Meddelandet innehåller tecken som inte kan skickas.");
        }

        return (text, null);
    }
}
