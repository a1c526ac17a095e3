using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Progress;

/// <summary>Swedish texts for the timeline's kinds (<see cref="ActivityKinds"/>); unknown kinds are shown as they are.</summary>
public static class TimelineTexts
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [ActivityKinds.Enrolled] = "Skrevs in i programmet",
        [ActivityKinds.InvitationSent] = "Inbjudan skickades",
        [ActivityKinds.InvitationAccepted] = "Inbjudan togs emot",
        [ActivityKinds.ModuleOpened] = "Modul öppnades",
        [ActivityKinds.ModuleLocked] = "Modul låstes",
        [ActivityKinds.ModuleCompleted] = "Modul klar",
        [ActivityKinds.SectionOpened] = "Öppnade ett avsnitt",
        [ActivityKinds.SectionFinished] = "Läste klart ett avsnitt",
        [ActivityKinds.ExercisePlayed] = "Lyssnade på en övning",
        [ActivityKinds.PolicyChanged] = "Upplåsningen ändrades",
        [ActivityKinds.WelcomeChanged] = "Välkomsttexten ändrades",
        [ActivityKinds.Maintenance] = "Vidmakthållandeläge",
        [ActivityKinds.Reactivated] = "Aktiv igen",
        [ActivityKinds.Extended] = "Inskrivningen förlängdes",
        [ActivityKinds.Ended] = "Programmet avslutades",
        [ActivityKinds.Transferred] = "Flyttades till annan behandlare eller vårdenhet",
        [ActivityKinds.InactivityFlagged] = "Markerad som inaktiv",
        [ActivityKinds.EndingSoonNotified] = "Påminnelse om att programmet snart slutar",
    };

    /// <summary>What the patient does; entries of these kinds without a staff actor are the patient's own.</summary>
    private static readonly HashSet<string> PatientKinds =
    [
        ActivityKinds.InvitationAccepted, ActivityKinds.SectionOpened, ActivityKinds.SectionFinished,
        ActivityKinds.ExercisePlayed, ActivityKinds.ModuleCompleted,
    ];

    public static string For(string kind) => Texts.GetValueOrDefault(kind, kind);

    /// <summary>Who did it: the staff member's name, else the patient or the system by the kind.</summary>
    public static string Actor(EnrolmentActivity activity) =>
        activity.ActorName is { Length: > 0 } name ? name
        : activity.ActorUserId is not null ? "Personal"
        : PatientKinds.Contains(activity.Kind) ? "Patienten" : "Systemet";
}
