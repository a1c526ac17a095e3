using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smartskola.Core.Mail;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Invitations;

public sealed class InvitationOptions
{
    /// <summary>How long an invitation link works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>
/// One-time invitation links. The token (32 random bytes) is only ever in the link; the database keeps its SHA-256,
/// so a copy of the database cannot be used to sign up as a patient. A new invitation revokes the earlier ones.
/// </summary>
public sealed class InvitationService(EnrolmentDbContext db, IMailOutbox mail, TimeProvider clock,
    IOptions<InvitationOptions> options, IOptions<SiteOptions> site)
{
    public const string PathPrefix = "/inbjudan/";

    /// <summary>Creates an invitation (saved with the caller's changes) and, if the patient has an e-mail address, queues the mail.</summary>
    public async Task<(Invitation Invitation, string Link, bool Mailed)> CreateAsync(Patient patient, Guid enrolmentId, Guid createdBy,
        string baseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Invitations.Where(i => i.PatientId == patient.Id && i.UsedUtc == null && i.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedUtc, now), cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            PatientId = patient.Id,
            EnrolmentId = enrolmentId,
            TokenHash = Hash(token),
            CreatedUtc = now,
            CreatedByUserId = createdBy,
            ExpiresUtc = now + options.Value.Lifetime,
        };
        db.Invitations.Add(invitation);
        var link = baseUrl.TrimEnd('/') + PathPrefix + token;
        var mailed = false;
        if (patient.Email is { } email)
        {
            // No name, personnummer or care details in the mail: only that there is an invitation, and the link.
            var body = new StringBuilder()
                .AppendLine("Hej!")
                .AppendLine()
                .AppendLine($"Din vårdenhet har bjudit in dig till {site.Value.Name}.")
                .AppendLine("Öppna länken för att skapa din inloggning:")
                .AppendLine()
                .AppendLine(link)
                .AppendLine()
                .AppendLine($"Länken gäller till och med {SwedishTime.Format(invitation.ExpiresUtc, "yyyy-MM-dd")} och kan bara användas en gång.")
                .AppendLine("Om du inte väntar dig det här meddelandet kan du bortse från det.")
                .ToString();
            mailed = await mail.EnqueueAsync(new OutgoingMail($"invitation:{invitation.Id}", email, $"Inbjudan till {site.Value.Name}", body),
                cancellationToken);
        }

        return (invitation, link, mailed);
    }

    /// <summary>The invitation a link's token belongs to, whatever its state (the caller explains expired or used links).</summary>
    public Task<Invitation?> FindAsync(string token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 100
            ? Task.FromResult<Invitation?>(null)
            : db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == Hash(token), cancellationToken);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
