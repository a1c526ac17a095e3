namespace Smartskola.Enrolment.Data;

/// <summary>What happened in an enrolment, for the clinician's timeline. Kinds are listed in <see cref="ActivityKinds"/>.</summary>
public sealed class EnrolmentActivity
{
    public long Id { get; set; }

    public Guid EnrolmentId { get; set; }

    public DateTime OccurredUtc { get; set; }

    public string Kind { get; set; } = string.Empty;

    /// <summary>The content item concerned (module, section, exercise, form), if any.</summary>
    public string? ItemId { get; set; }

    /// <summary>A short non-sensitive detail (a module number, a policy summary); never message or answer text.</summary>
    public string? Detail { get; set; }

    /// <summary>The staff member who acted; null for the patient or the system.</summary>
    public Guid? ActorUserId { get; set; }

    public string? ActorName { get; set; }
}

public static class ActivityKinds
{
    public const string Enrolled = "enrolled";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationAccepted = "invitation.accepted";
    public const string ModuleOpened = "module.opened";
    public const string ModuleLocked = "module.locked";
    public const string ModuleCompleted = "module.completed";
    public const string SectionOpened = "section.opened";
    public const string SectionFinished = "section.finished";
    public const string ExercisePlayed = "exercise.played";
    public const string PolicyChanged = "policy.changed";
    public const string WelcomeChanged = "welcome.changed";
    public const string Maintenance = "status.maintenance";
    public const string Reactivated = "status.active";
    public const string Extended = "enrolment.extended";
    public const string Ended = "status.ended";
    public const string Transferred = "enrolment.transferred";
    public const string InactivityFlagged = "inactivity.flagged";
    public const string EndingSoonNotified = "ending.notified";
}
