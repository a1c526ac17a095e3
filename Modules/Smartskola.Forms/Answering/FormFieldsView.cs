using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Answering;

/// <summary>
/// What the shared partial <c>Pages/Shared/_FormFields.cshtml</c> renders: a definition (text pack already applied)
/// with the current answers and errors. Used by the patient's answer page, the designer's live preview, the
/// clinician's view of an answer (<see cref="ReadOnly"/>) and the citizen form.
/// </summary>
/// <param name="Errors">Swedish messages by item key (see <see cref="AnswerValidator"/>).</param>
/// <param name="Paged">Long forms: one top-level group per screen on a phone, with progress.</param>
public sealed record FormFieldsView(FormDefinition Definition, FormAnswers Answers,
    IReadOnlyDictionary<string, string> Errors, bool ReadOnly = false, bool Paged = false);
