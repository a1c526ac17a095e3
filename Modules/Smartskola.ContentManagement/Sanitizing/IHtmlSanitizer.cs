namespace Smartskola.ContentManagement.Sanitizing;

/// <summary>
/// Cleans editor-supplied HTML against a fixed allowlist of elements, attributes and URLs. It is applied twice:
/// when content is saved (so the database holds clean markup) and again when it is rendered (so markup stored
/// before a rule was tightened, or imported around the editor, is never emitted unchecked).
/// </summary>
public interface IHtmlSanitizer
{
    /// <summary>
    /// Returns the sanitized markup; an empty string for <see langword="null"/>, blank input or input with no
    /// allowed content left. The result is stable: sanitizing it again returns it unchanged.
    /// </summary>
    string Sanitize(string? html);
}
