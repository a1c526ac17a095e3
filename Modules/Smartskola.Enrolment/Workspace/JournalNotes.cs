using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Workspace;

/// <summary>
/// Suggested journal notes for starting and ending, per the method guide: the platform is not the medical record,
/// so the clinician copies these into it (KVÅ ZV044, booked as an administrative care contact).
/// </summary>
public static class JournalNotes
{
    public const string KvaCode = "ZV044";

    public static string Start(ProgramEnrolment enrolment, string programTitle, string clinicianName) =>
        $"""
        Internetbaserad behandling: {programTitle} startad {enrolment.StartDate:yyyy-MM-dd}.
        Upplåsning: {UnlockPolicy.From(enrolment).Describe()}.
        Planerat avslut: {enrolment.PlannedEndDate:yyyy-MM-dd}. Ansvarig behandlare: {clinicianName}.
        Patienten har fått instruktioner om inloggning och att meddelanden besvaras minst en gång i veckan.
        Vårdtjänst: administration SoB. Kontakttyp: administrativ vårdkontakt. Besökstyp: administration.
        KVÅ: {KvaCode}.
        """;

    public static string End(ProgramEnrolment enrolment, string programTitle, int modulesCompleted, int moduleCount) =>
        $"""
        Internetbaserad behandling: {programTitle} avslutad {(enrolment.EndedUtc is { } ended ? Core.Site.SwedishTime.Format(ended, "yyyy-MM-dd") : "[datum]")}.
        Startad {enrolment.StartDate:yyyy-MM-dd}. Genomförda moduler: {modulesCompleted} av {moduleCount}.
        [Sammanfattning av behandlingen och viktiga iakttagelser.]
        Vårdtjänst: administration SoB. Kontakttyp: administrativ vårdkontakt. Besökstyp: administration.
        KVÅ: {KvaCode}.
        """;
}
