using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Workspace;

/// <summary>A page another module offers about one enrolment (e.g. "Formulär", "Meddelanden"), with a count to notice.</summary>
public sealed record EnrolmentLink(string Label, string Url, string? Badge = null);

/// <summary>
/// How other modules add to the patient page (<c>/admin/patienter/{id}</c>) without the enrolment module knowing
/// them: each returns links to its own pages about the enrolment. The caller has already passed the access guard.
/// </summary>
public interface IEnrolmentLinks
{
    Task<IReadOnlyList<EnrolmentLink>> ForEnrolmentAsync(ProgramEnrolment enrolment, CancellationToken cancellationToken);
}
