namespace Smartskola.Enrolment.Data;

/// <summary>A care unit's rules for its enrolments. A unit without a row uses the defaults.</summary>
public sealed class UnitEnrolmentSettings
{
    public const int DefaultInactivityDays = 7;
    public const int DefaultRetentionDays = 365 * 3;
    public const int DefaultEndingNoticeDays = 30;

    public Guid CareUnitId { get; set; }

    /// <summary>A patient without activity for more than this many days is flagged in the triage list.</summary>
    public int InactivityDays { get; set; } = DefaultInactivityDays;

    /// <summary>Personal data of an ended enrolment is purged this many days after it ended (gallring).</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    public Guid Version { get; set; }
}

/// <summary>A notice to a clinician (in the workspace, and by e-mail without patient details).</summary>
public sealed class ClinicianNotice
{
    public Guid Id { get; set; }

    public Guid ClinicianId { get; set; }

    public Guid EnrolmentId { get; set; }

    public string Kind { get; set; } = string.Empty;

    /// <summary>Unique: the same notice is never created twice, whichever instance runs the job.</summary>
    public string DedupeKey { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }
}

public static class NoticeKinds
{
    public const string EndingSoon = "ending-soon";
    public const string Inactive = "inactive";
}
