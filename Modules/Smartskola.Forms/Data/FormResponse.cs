namespace Smartskola.Forms.Data;

public enum ResponseStatus
{
    /// <summary>Being filled in; saved as the patient types.</summary>
    Draft = 0,
    Submitted = 1,
}

/// <summary>
/// A patient's answers to one assignment (for diaries: one entry), bound to the exact template version it answered.
/// Scores are computed on the server at submission and stored with the algorithm's version.
/// </summary>
public sealed class FormResponse
{
    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    public Guid EnrolmentId { get; set; }

    public Guid UnitId { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    public int TemplateVersion { get; set; }

    /// <summary>
    /// Unique within the assignment, so two tabs or a retried request cannot create two responses: "form" for an
    /// ordinary form, the date ("2026-11-23") for a once-a-day diary entry, a client-made id for several a day.
    /// </summary>
    public string EntryKey { get; set; } = SingleEntry;

    public const string SingleEntry = "form";

    /// <summary>Diaries: the date the entry is about.</summary>
    public DateOnly? EntryDate { get; set; }

    public ResponseStatus Status { get; set; }

    public string AnswersJson { get; set; } = "{}";

    /// <summary>JSON list of computed scores (null until submitted, or when the template has none).</summary>
    public string? ScoresJson { get; set; }

    public string? ScoringAlgorithm { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime SavedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>
    /// When a saved diary entry was last corrected by the patient; null when never. Derived, not stored: a submission
    /// sets <see cref="SavedUtc"/> and <see cref="SubmittedUtc"/> to the same instant, drafts are never saved after it,
    /// so the only later save of a submitted response is a correction.
    /// </summary>
    public DateTime? CorrectedUtc => Corrected(Status, SavedUtc, SubmittedUtc);

    /// <summary>The same rule for queries that select the columns only.</summary>
    public static DateTime? Corrected(ResponseStatus status, DateTime savedUtc, DateTime? submittedUtc) =>
        status == ResponseStatus.Submitted && submittedUtc is { } submitted && savedUtc > submitted ? savedUtc : null;

    /// <summary>Increases with every save: an autosave over a newer save (another tab) is refused, not applied.</summary>
    public int Revision { get; set; }
}

/// <summary>A clinician's feedback on a submitted response; the patient sees it with the answer.</summary>
public sealed class ResponseFeedback
{
    public Guid Id { get; set; }

    public Guid ResponseId { get; set; }

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime? SeenUtc { get; set; }
}

/// <summary>
/// A citizen-initiated form: someone without an account answered a template's public link. Lands in the owning
/// unit's inbox as a contact request.
/// </summary>
public sealed class ContactRequest
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    public int TemplateVersion { get; set; }

    public string AnswersJson { get; set; } = "{}";

    public string? ScoresJson { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? HandledUtc { get; set; }

    public Guid? HandledBy { get; set; }
}
