using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Enrolments;

/// <summary>What the clinician fills in to enrol a patient.</summary>
public sealed class EnrolInput
{
    // Nullable so MVC adds no implicit (English) "required" error: EnrolmentService checks these with Swedish messages.
    public string? Personnummer { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    public Guid CareUnitId { get; set; }

    public Guid ClinicianId { get; set; }

    public DateOnly StartDate { get; set; }

    public UnlockPolicyKind Policy { get; set; } = UnlockPolicyKind.AllAtStart;

    public int InitialModules { get; set; } = 1;

    public int IntervalDays { get; set; } = 7;

    public string? WelcomeText { get; set; }
}

/// <summary>The outcome of an action: errors keyed by the form field they belong to ("" for the whole form).</summary>
public sealed class ChangeOutcome
{
    private readonly List<KeyValuePair<string, string>> _errors = [];

    public IReadOnlyList<KeyValuePair<string, string>> Errors => _errors;

    public bool Succeeded => _errors.Count == 0;

    /// <summary>The other user's save made ours stale (HTTP 409).</summary>
    public bool Conflict { get; private set; }

    public ChangeOutcome Error(string field, string message)
    {
        _errors.Add(new(field, message));
        return this;
    }

    public static ChangeOutcome Stale() =>
        new ChangeOutcome { Conflict = true }.Error(string.Empty,
            "Någon annan har ändrat inskrivningen medan du hade sidan öppen. Sidan visar nu det senaste; gör din ändring igen.");
}
