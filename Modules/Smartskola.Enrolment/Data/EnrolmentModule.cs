namespace Smartskola.Enrolment.Data;

public enum ModuleOpenedBy
{
    /// <summary>Opened at start by the enrolment's policy.</summary>
    Start = 0,

    /// <summary>Opened by the daily job on its scheduled day.</summary>
    Schedule = 1,

    /// <summary>Opened because the patient completed the module before it.</summary>
    Completion = 2,

    /// <summary>Opened or locked by a clinician.</summary>
    Clinician = 3,
}

/// <summary>
/// A module's state in one enrolment. A row exists once a module has been opened or locked by anyone; a module
/// without a row is closed and the policy may still open it. A row set by a clinician is never changed by the
/// policy, so a module locked by hand stays locked.
/// </summary>
public sealed class EnrolmentModuleState
{
    public Guid EnrolmentId { get; set; }

    public string ModuleId { get; set; } = string.Empty;

    public bool IsOpen { get; set; }

    public ModuleOpenedBy ChangedBy { get; set; }

    public Guid? ChangedByUserId { get; set; }

    public DateTime ChangedUtc { get; set; }

    /// <summary>When the module first opened; kept when it is locked again.</summary>
    public DateTime? FirstOpenedUtc { get; set; }

    /// <summary>When the patient completed every section of it.</summary>
    public DateTime? CompletedUtc { get; set; }
}
