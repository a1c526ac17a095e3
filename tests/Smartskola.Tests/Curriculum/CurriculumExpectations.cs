namespace Smartskola.Tests.Curriculum;

/// <summary>The program as the customer's method guide lists it ("Programmets innehåll"): what a fresh site must show.</summary>
public static class CurriculumExpectations
{
    public static readonly (int Number, string Title, string[] Sections)[] Modules =
    [
        (1, "Introduktion och smärtfysiologi", ["Presentation av upplägget", "Om programmet", "Information om 1177", "Introduktion: Vad är smärta?", "Hur kan en smärta bli långvarig?", "Vad är skillnaden mellan akut och långvarig smärta?"]),
        (2, "Behandling och rehabilitering", ["Introduktion: Hur kan långvarig smärta behandlas och rehabiliteras?", "Fysisk aktivitet och annan fysioterapeutisk behandling", "Läkemedelsbehandling", "Aktivitetsförändring", "Psykologisk behandling", "Livsstil", "Familj, närstående och yrkesliv", "Sammanfattning"]),
        (3, "Fysisk aktivitet och träning", ["Introduktion: Fysisk aktivitet och träning", "Aktivera \"smärtbromsen\" med hjälp av fysisk aktivitet", "Att komma igång med fysisk aktivitet/träning när du har haft ont länge", "Träning för att underlätta i din vardag", "Att vara fysiskt aktiv vid smärta", "Träningsdagbok"]),
        (4, "Aktivitet i vardagen", ["Introduktion: Aktivitet i vardagen vid smärta", "Ergonomi", "Exempel på praktisk ergonomi", "Aktiviteter i vardagen", "Strategier"]),
        (5, "Psykologi och smärta", ["Introduktion: Psykologiska reaktioner vid långvarig smärta", "Nedstämdhet och depression", "Ångest, oro och stress", "Coping vid långvarig smärta", "Exempel på coping-strategier"]),
        (6, "Livsstil", ["Introduktion: Sömnens betydelse", "Vad kan man göra för att förbättra sin sömn?", "Kostens betydelse", "Alkohol"]),
        (7, "Närstående och sociala faktorer", ["Introduktion: Närstående och sociala faktorer", "Familj och närstående", "Relationer till sin partner", "Barn som anhöriga", "Yrkeslivet"]),
        (8, "Avslutning", ["Avslutning", "Att ta kontroll över livet", "Reflektionsövningar sammanfattning", "Avslutningshälsning", "Mindfulnessövningar"]),
    ];

    /// <summary>The exercise each module introduces (module 8 closes the program with the collection instead).</summary>
    public static readonly Dictionary<int, string?> Exercises = new()
    {
        [1] = "Kroppsscanning", [2] = "Andningsankaret", [3] = "Andningsankaret", [4] = "Andrum", [5] = "Andrum",
        [6] = "Andrum", [7] = "Andetaget", [8] = null,
    };

    public static int SectionCount => Modules.Sum(m => m.Sections.Length);
}
