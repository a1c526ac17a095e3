namespace Smartskola.Enrolment.Data;

public enum EnrolmentStatus
{
    Active = 0,

    /// <summary>Vidmakthållandeläge: the program stays readable, reminders stop.</summary>
    Maintenance = 1,

    /// <summary>Access has ended; personal data is kept until the unit's retention period has passed.</summary>
    Ended = 2,

    /// <summary>Personal data has been purged (gallring).</summary>
    Purged = 3,
}

/// <summary>How modules open. <see cref="UnlockPolicy"/> holds the numbers.</summary>
public enum UnlockPolicyKind
{
    AllAtStart = 0,

    /// <summary>The first N at start; the rest by hand.</summary>
    FirstN = 1,

    /// <summary>The first N at start, then one more every M days from the start date.</summary>
    Scheduled = 2,

    /// <summary>None at start; the clinician opens each one.</summary>
    Manual = 3,

    /// <summary>The first N at start; the next opens when the patient completes the one before it.</summary>
    AfterPrevious = 4,
}

/// <summary>Inskrivning: one patient in one program, owned by a care unit, with a responsible clinician.</summary>
public sealed class ProgramEnrolment
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>The program's content item id.</summary>
    public string ProgramId { get; set; } = string.Empty;

    public Guid CareUnitId { get; set; }

    /// <summary>Ansvarig behandlare (a staff user id).</summary>
    public Guid ClinicianId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly PlannedEndDate { get; set; }

    /// <summary>The personal welcome text; null shows the program's own.</summary>
    public string? WelcomeText { get; set; }

    public EnrolmentStatus Status { get; set; }

    public UnlockPolicyKind Policy { get; set; }

    /// <summary>Modules open at start (FirstN, Scheduled, AfterPrevious).</summary>
    public int InitialModules { get; set; }

    /// <summary>Days between scheduled openings (Scheduled).</summary>
    public int IntervalDays { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The patient's last request in the program (reading, playing, answering, writing).</summary>
    public DateTime? LastActiveUtc { get; set; }

    public DateTime? MaintenanceSinceUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    public DateTime? PurgedUtc { get; set; }

    /// <summary>Changed on every save; a stale value means someone else saved in between.</summary>
    public Guid Version { get; set; }

    public bool GivesAccess => Status is EnrolmentStatus.Active or EnrolmentStatus.Maintenance;
}
