namespace Smartskola.Curriculum;

/// <summary>
/// The names the curriculum pages read. The types themselves are declared in the default recipe (content types
/// are data); these constants are the contract between that recipe and the reading pages.
/// </summary>
public static class CurriculumTypes
{
    public const string Program = "Program";
    public const string Module = "Programmodul";
    public const string Section = "Avsnitt";
    public const string Exercise = "Mindfulnessovning";

    public static readonly IReadOnlyList<string> All = [Program, Module, Section, Exercise];

    /// <summary>Fields of the module type (in its FieldsPart named like the type).</summary>
    public const string ModuleNumber = "Nummer";
    public const string RememberField = "KomIhag";
    public const string ExerciseField = "Ovning";
    public const string FormsField = "Formular";

    public const string PatientStoryField = "Patientberattelse";
    public const string WelcomeField = "Valkomsttext";
    public const string LengthField = "RekommenderadLangd";
    public const string DurationField = "Langd";
}
