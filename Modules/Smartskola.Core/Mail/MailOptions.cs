namespace Smartskola.Core.Mail;

/// <summary>Bound from the <c>Mail</c> section.</summary>
public sealed class MailOptions
{
    /// <summary>SMTP server. Empty: write .eml files to <see cref="PickupDirectory"/> (in Development by default
    /// <c>App_Data/mail</c>); empty outside Development without a pickup directory: mail stays queued.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    public string From { get; set; } = "Digitala smärtskolan <noreply@smartskola.local>";

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Folder for .eml files when <see cref="Host"/> is empty (relative to the content root).</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How often the background dispatcher looks for due mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Background sending; off, mail is sent only when something calls <see cref="MailDelivery.DeliverDueAsync"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time-out of one SMTP operation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
