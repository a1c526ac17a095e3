namespace Smartskola.Enrolment.LogExtract;

/// <summary>
/// What an audit action means to the patient, in plain Swedish, for the log extract. Codes not listed get a
/// general text by their verb, so a new staff page is never shown as a bare code.
/// </summary>
public static class PatientLogTexts
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["patient.view"] = "Tittade på din översikt",
        ["patient.timeline"] = "Tittade på din tidslinje",
        ["patient.timeline.view"] = "Tittade på din tidslinje",
        ["patient.progress.view"] = "Tittade på hur det går för dig i programmet",
        ["patient.answers.view"] = "Tittade på dina svar i formulär",
        ["patient.messages.view"] = "Läste dina meddelanden",
        ["patient.notifications.view"] = "Såg dina notifieringar",
        ["patient.create"] = "Registrerade dig som patient",
        ["patient.update"] = "Ändrade dina kontaktuppgifter",
        ["patient.print"] = "Skrev ut en sammanfattning",
        ["patient.export"] = "Exporterade dina uppgifter",
        ["patient.purge"] = "Gallrade dina uppgifter",
        ["enrolment.create"] = "Skrev in dig i programmet",
        ["enrolment.update"] = "Ändrade din inskrivning",
        ["enrolment.end"] = "Avslutade ditt program",
        ["enrolment.transfer"] = "Flyttade din inskrivning",
        ["invitation.send"] = "Skickade en inbjudan till dig",
        ["enrolment.module"] = "Öppnade eller låste en modul för dig",
        ["enrolment.policy"] = "Ändrade när dina moduler öppnas",
        ["enrolment.welcome"] = "Ändrade din välkomsttext",
        ["enrolment.status"] = "Ändrade läget för ditt program",
        ["enrolment.extend"] = "Ändrade slutdatumet för ditt program",
        ["enrolment.invitation"] = "Skapade en ny inbjudan till dig",
        ["patient.search"] = "Sökte fram dig i patientlistan",
        ["module.open"] = "Öppnade en modul för dig",
        ["module.lock"] = "Låste en modul",
    };

    public static string For(string action) =>
        Texts.TryGetValue(action, out var text) ? text
        : action.EndsWith(".view", StringComparison.Ordinal) ? "Tittade på dina uppgifter"
        : "Hanterade dina uppgifter";
}
