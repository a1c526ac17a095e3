namespace Smartskola.AuditTrail.Services;

/// <summary>Swedish names for action codes on the audit pages; unknown codes are shown as they are.</summary>
public static class AuditActionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["auth.login"] = "Inloggning",
        ["auth.login.twofactor"] = "Inloggning med tvåstegsverifiering",
        ["auth.logout"] = "Utloggning",
        ["auth.lockout"] = "Kontot låstes",
        ["auth.twofactor.enabled"] = "Tvåstegsverifiering aktiverad",
        ["auth.twofactor.disabled"] = "Tvåstegsverifiering avstängd",
        ["unit.view"] = "Visade vårdenhet",
        ["unit.create"] = "Skapade vårdenhet",
        ["user.create"] = "Skapade användare",
        ["user.update"] = "Ändrade användare",
        ["user.unlock"] = "Låste upp konto",
        ["user.block"] = "Spärrade konto",
        ["user.twofactor.reset"] = "Återställde tvåstegsverifiering",
        ["role.update"] = "Ändrade rollers behörigheter",
        ["auth.blocked"] = "Inloggning på spärrat konto",
        ["audit.view"] = "Visade granskningsloggen",
        ["audit.verify"] = "Verifierade granskningsloggen",
        ["recipe.run"] = "Körde recept",
        ["unit.figures.view"] = "Visade enhetens siffror",
        ["unit.figures.export"] = "Laddade ned enhetens siffror",
        ["unit.settings.update"] = "Ändrade enhetens regler",
        ["enrolment.purge"] = "Gallrade inskrivning",
    };

    public static string For(string action) => Labels.GetValueOrDefault(action, action);

    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["User"] = "Användare",
        ["CareUnit"] = "Vårdenhet",
        ["AuditLog"] = "Granskningslogg",
        ["Role"] = "Roller",
        ["Recipe"] = "Recept",
        ["Enrolment"] = "Inskrivning",
    };

    public static string EntityType(string entityType) => EntityTypes.GetValueOrDefault(entityType, entityType);

    public static string Outcome(string outcome) => outcome switch
    {
        "Success" => "Lyckades",
        "Denied" => "Nekades",
        "Failed" => "Misslyckades",
        _ => outcome,
    };
}
