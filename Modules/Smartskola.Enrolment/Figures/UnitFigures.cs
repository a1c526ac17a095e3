namespace Smartskola.Enrolment.Figures;

/// <summary>A module of the program and how many enrolments have completed it.</summary>
public sealed record ModuleCompletion(int Number, string Title, int Completed);

/// <summary>One care unit's figures: counts only, never anything about a single patient.</summary>
/// <param name="Enrolled">Enrolments that are not purged (active, maintenance or ended).</param>
/// <param name="Inactive">Active enrolments without activity for more than <paramref name="InactivityDays"/> days.</param>
/// <param name="CompletedAll">Enrolments (purged ones too) that completed every module of the program.</param>
/// <param name="MedianDaysToComplete">Median days from start date to completing the last module, over <paramref name="CompletedAll"/>.</param>
public sealed record UnitFigures(
    Guid UnitId,
    string UnitName,
    int Enrolled,
    int Active,
    int Maintenance,
    int Ended,
    int ActiveLast7Days,
    int ActiveLast30Days,
    int Inactive,
    int InactivityDays,
    IReadOnlyList<ModuleCompletion> Modules,
    int CompletedAll,
    double? MedianDaysToComplete);
