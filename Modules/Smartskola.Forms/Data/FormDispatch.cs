namespace Smartskola.Forms.Data;

/// <summary>
/// Utskick: one template version sent by a clinician to one or more patients, with an optional due date, a
/// series (e.g. every day for 14 days) and automatic reminders. Each recipient and occasion is a <see cref="FormAssignment"/>.
/// </summary>
public sealed class FormDispatch
{
    public Guid Id { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    /// <summary>The exact version sent (a subscription resolves to the newest published version at sending).</summary>
    public int TemplateVersion { get; set; }

    public Guid UnitId { get; set; }

    public Guid CreatedBy { get; set; }

    public string CreatedByName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    /// <summary>A short description of who it went to ("Patrik Demo", "Lista: Sömnskolan vt", "Alla aktiva").</summary>
    public string RecipientsText { get; set; } = string.Empty;

    /// <summary>Days the patient has to answer each occasion; null: no due date.</summary>
    public int? DueDays { get; set; }

    /// <summary>Series: number of occasions and days between them (1 occasion = a single send).</summary>
    public int Occasions { get; set; } = 1;

    public int IntervalDays { get; set; } = 1;

    /// <summary>Automatic reminder this many days before the due date (null: none).</summary>
    public int? RemindDaysBefore { get; set; }

    /// <summary>Automatic reminder this many days after the due date when still not answered (null: none).</summary>
    public int? RemindDaysAfter { get; set; }
}

public enum AssignmentStatus
{
    NotStarted = 0,
    InProgress = 1,
    Answered = 2,
    Cancelled = 3,
}

/// <summary>
/// One form for one patient (enrolment) on one occasion: from a dispatch, or attached to a program module (then
/// <see cref="DispatchId"/> is null and <see cref="ModuleItemId"/> set; created when the patient first opens it).
/// Shown in the patient's "Att göra" from <see cref="AvailableOn"/>.
/// </summary>
public sealed class FormAssignment
{
    public Guid Id { get; set; }

    public Guid? DispatchId { get; set; }

    public Guid EnrolmentId { get; set; }

    /// <summary>The care unit of the enrolment when it was assigned (authorizes follow-up).</summary>
    public Guid UnitId { get; set; }

    public string TemplateId { get; set; } = string.Empty;

    public int TemplateVersion { get; set; }

    public string? ModuleItemId { get; set; }

    public DateOnly AvailableOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public AssignmentStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the latest reminder was sent (by hand or automatically).</summary>
    public DateTime? RemindedUtc { get; set; }

    public int Reminders { get; set; }
}

/// <summary>A saved recipient list of a unit ("Sömnskolan vt"): enrolments picked by a clinician.</summary>
public sealed class RecipientList
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
}

public sealed class RecipientListMember
{
    public Guid ListId { get; set; }

    public Guid EnrolmentId { get; set; }
}
