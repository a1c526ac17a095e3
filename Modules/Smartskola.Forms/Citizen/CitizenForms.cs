using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Citizen;

/// <summary>The public link of a template and the contact requests it produces.</summary>
public sealed class CitizenForms(FormsDbContext db, FormTemplateStore store, TimeProvider clock)
{
    /// <summary>32 random bytes, base64url: the link is its own credential, so it must not be guessable.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The template behind an enabled link and its newest published version; null when off, retired or unpublished.</summary>
    public async Task<(FormTemplate Template, TemplateVersion Version)?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var template = await db.Templates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.CitizenLinkToken == token && t.RetiredUtc == null, cancellationToken);
        if (template is null || await store.GetNewestPublishedAsync(template.ContentItemId, cancellationToken) is not { } version)
        {
            return null;
        }

        return (template, version);
    }

    /// <summary>Stores a citizen's validated answers (with scores) for the owning unit.</summary>
    public async Task<Guid> SubmitAsync(FormTemplate template, TemplateVersion version, FormAnswers answers, CancellationToken cancellationToken)
    {
        var scores = FormScorer.Score(version.Definition, answers);
        var request = new ContactRequest
        {
            Id = Guid.NewGuid(),
            UnitId = template.OwnerUnitId,
            TemplateId = template.ContentItemId,
            TemplateVersion = version.Version,
            AnswersJson = answers.ToJson(),
            ScoresJson = scores.Count > 0 ? FormScorer.ToJson(scores) : null,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ContactRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Id;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
