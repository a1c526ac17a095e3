using System.Security.Claims;
using Smartskola.Curriculum.Reading;

namespace Smartskola.Curriculum.Access;

/// <summary>
/// Which of the program's modules a patient may read. The reading pages, the exercise collection and search all
/// ask this one interface; the enrolment module replaces the default with unlocking per enrolment.
/// </summary>
public interface IModuleAccess
{
    Task<IReadOnlySet<string>> OpenModuleIdsAsync(ClaimsPrincipal patient, CurriculumProgram program,
        CancellationToken cancellationToken = default);
}

/// <summary>Until enrolment exists: every signed-in patient may read every published module.</summary>
public sealed class AllModulesOpen : IModuleAccess
{
    public Task<IReadOnlySet<string>> OpenModuleIdsAsync(ClaimsPrincipal patient, CurriculumProgram program,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(program.Modules.Select(m => m.Id).ToHashSet());
}
