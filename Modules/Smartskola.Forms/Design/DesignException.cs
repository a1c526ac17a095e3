using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Design;

/// <summary>
/// A design operation refused, with the HTTP status a page answers (404 other unit's or missing, 409 concurrent edit,
/// 400/422 bad input) and a Swedish message. <see cref="Problems"/> lists what stops a publish.
/// </summary>
public sealed class DesignException(int status, string message, IReadOnlyList<DefinitionProblem>? problems = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems ?? [];

    public static DesignException NotFound() => new(404, "Formulärmallen finns inte.");

    public static DesignException Conflict() =>
        new(409, "Någon annan har ändrat formulärmallen sedan du öppnade den. Ladda om sidan och gör om din ändring.");
}
