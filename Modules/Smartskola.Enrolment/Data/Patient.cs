namespace Smartskola.Enrolment.Data;

/// <summary>
/// A patient record. The personnummer is stored only encrypted (<see cref="PersonnummerCipher"/>) with a keyed hash
/// for look-up (<see cref="PersonnummerHash"/>); the record is referred to everywhere else by <see cref="Id"/>.
/// </summary>
public sealed class Patient
{
    public Guid Id { get; set; }

    public string GivenName { get; set; } = string.Empty;

    public string FamilyName { get; set; } = string.Empty;

    public byte[] PersonnummerCipher { get; set; } = [];

    /// <summary>HMAC of the normalized number; unique, so one person has one record.</summary>
    public string PersonnummerHash { get; set; } = string.Empty;

    /// <summary>Birth date only (e.g. <c>19121212-****</c>): enough to tell patients apart in lists.</summary>
    public string PersonnummerMasked { get; set; } = string.Empty;

    public string? Email { get; set; }

    public bool EmailVerified { get; set; }

    public string? Mobile { get; set; }

    public bool MobileVerified { get; set; }

    /// <summary>The unit that registered the patient; each enrolment has its own unit too.</summary>
    public Guid CareUnitId { get; set; }

    /// <summary>The sign-in account, once the patient has accepted an invitation.</summary>
    public Guid? UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when the personal data was purged; the row stays so statistics and audit references hold.</summary>
    public DateTime? PurgedUtc { get; set; }

    public Guid Version { get; set; }

    public string FullName => $"{GivenName} {FamilyName}".Trim();
}
