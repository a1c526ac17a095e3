namespace Smartskola.ContentManagement.Items;

/// <summary>The item changed since the editor loaded it (someone else saved a newer version).</summary>
public sealed class ContentConflictException(string contentItemId, int expectedVersion, int currentVersion)
    : Exception($"Content item {contentItemId} is at version {currentVersion}, not {expectedVersion}.")
{
    public string ContentItemId { get; } = contentItemId;

    public int ExpectedVersion { get; } = expectedVersion;

    public int CurrentVersion { get; } = currentVersion;
}

/// <summary>An operation a handler cancelled or the content rules refuse; the message is Swedish, for the user.</summary>
public sealed class ContentOperationException(string message) : Exception(message);

/// <summary>Field-level problems found while saving (e.g. a slug already taken); keys are form field names.</summary>
public sealed class ContentValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception("The content item is not valid.")
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
