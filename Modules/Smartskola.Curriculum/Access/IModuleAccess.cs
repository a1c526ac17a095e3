using System.Security.Claims;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Access;

/// <summary>
/// Which of the program's modules a patient may read. The reading pages, the exercise collection, search and media
/// all ask this one interface; the enrolment module replaces the default with unlocking per enrolment.
/// </summary>
public interface IModuleAccess
{
    Task<ReaderAccess> GetAsync(ClaimsPrincipal patient, CurriculumProgram program, CancellationToken cancellationToken = default);
}

/// <summary>What one patient may read.</summary>
/// <param name="OpenModuleIds">Modules the patient may open.</param>
/// <param name="OpensOn">For closed modules whose opening day is known: that day (Swedish local date).</param>
/// <param name="WelcomeText">A personal welcome text that replaces the program's, if the clinician wrote one.</param>
/// <param name="Notice">Shown on the program's home page when the patient cannot read (not enrolled, ended).</param>
public sealed record ReaderAccess(IReadOnlySet<string> OpenModuleIds, IReadOnlyDictionary<string, DateOnly> OpensOn,
    string? WelcomeText = null, string? Notice = null)
{
    public static ReaderAccess Nothing(string notice) => new(new HashSet<string>(), new Dictionary<string, DateOnly>(), null, notice);

    public static ReaderAccess All(CurriculumProgram program) =>
        new(program.Modules.Select(m => m.Id).ToHashSet(), new Dictionary<string, DateOnly>());
}

/// <summary>Without the enrolment module: every signed-in patient may read every published module.</summary>
public sealed class AllModulesOpen : IModuleAccess
{
    public Task<ReaderAccess> GetAsync(ClaimsPrincipal patient, CurriculumProgram program,
        CancellationToken cancellationToken = default) => Task.FromResult(ReaderAccess.All(program));
}
