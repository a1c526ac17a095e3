namespace Smartskola.Messaging.Data;

public enum ConversationKind
{
    /// <summary>The patient and the care team: the responsible clinician and colleagues of the unit with access.</summary>
    CareTeam = 0,

    /// <summary>Funktionsbrevlåda: practical problems (sign-in, technology), read by any of the unit's staff.</summary>
    UnitMailbox = 1,
}

/// <summary>One conversation of an enrolment; at most one of each <see cref="ConversationKind"/> per enrolment.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }

    public Guid EnrolmentId { get; set; }

    /// <summary>The enrolment's care unit (copied, so unit mailbox lists need no join across modules).</summary>
    public Guid CareUnitId { get; set; }

    public Guid PatientId { get; set; }

    public ConversationKind Kind { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastMessageUtc { get; set; }
}

public enum MessageAuthor
{
    Patient = 0,
    Staff = 1,
}

/// <summary>What a message is about ("Om: Andningsankaret"): a section, an exercise or a form answer.</summary>
public enum MessageReferenceKind
{
    None = 0,
    Section = 1,
    Exercise = 2,
    FormResponse = 3,
}

/// <summary>
/// A message: plain text with line breaks (never HTML; rendered encoded). Its author may correct it until someone on
/// the other side has read it; after that it is fixed. Messages are deleted only by purge (gallring).
/// </summary>
public sealed class Message
{
    public const int BodyMaxLength = 5000;

    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public MessageAuthor Author { get; set; }

    /// <summary>The account that wrote it (patient or staff).</summary>
    public Guid AuthorUserId { get; set; }

    /// <summary>The staff member's name as it was when written (shown to the patient); empty for patients.</summary>
    public string AuthorName { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public MessageReferenceKind ReferenceKind { get; set; }

    /// <summary>The referenced item's id (content item id, or form response id).</summary>
    public string? ReferenceId { get; set; }

    /// <summary>Its title when the message was written, so the reference reads the same later.</summary>
    public string? ReferenceTitle { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    /// <summary>When someone on the other side first read it; from then on it cannot be edited.</summary>
    public DateTime? ReadByRecipientUtc { get; set; }

    public Guid Version { get; set; }
}

/// <summary>How far one participant has read a conversation.</summary>
public sealed class ReadMarker
{
    public Guid ConversationId { get; set; }

    public Guid UserId { get; set; }

    public DateTime ReadUntilUtc { get; set; }
}

/// <summary>A clinician reply template ("Välkomstmeddelande", "Inaktivitetskoll"); a unit's own or, with no unit, everyone's.</summary>
public sealed class ReplyTemplate
{
    public const int TitleMaxLength = 120;

    public Guid Id { get; set; }

    public Guid? CareUnitId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime UpdatedUtc { get; set; }

    public Guid Version { get; set; }
}
