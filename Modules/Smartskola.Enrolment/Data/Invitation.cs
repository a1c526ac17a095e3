namespace Smartskola.Enrolment.Data;

/// <summary>A one-time link for setting up sign-in. Only a hash of the token is stored.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public Guid EnrolmentId { get; set; }

    /// <summary>SHA-256 of the token in the link (hex); unique.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? UsedUtc { get; set; }

    /// <summary>Set when a newer invitation replaced this one.</summary>
    public DateTime? RevokedUtc { get; set; }
}
