namespace Smartskola.Media.Fields;

/// <summary>
/// What a media field shows; the view model of <c>/Views/Content/MediaField.cshtml</c>, which a theme may override
/// (e.g. with an accessible player). Stable public contract.
/// </summary>
/// <param name="Label">The field's display name.</param>
/// <param name="Kind">Image, Audio or Video.</param>
/// <param name="Url">Versioned, immutable URL of the file: <c>/media/_v/{revision}/{path}</c>.</param>
/// <param name="Alt">Alternative text (images: the field's, else the asset's; empty for audio and video).</param>
/// <param name="Transcript">The asset's transcript (audio, video), may be empty.</param>
/// <param name="CaptionsUrl">Versioned URL of the film's WebVTT captions, or null.</param>
/// <param name="DurationSeconds">Length of audio and video, when known.</param>
/// <param name="Width">Pixel width (images, video).</param>
/// <param name="Height">Pixel height (images, video).</param>
/// <param name="Srcset">For images: WebP derivatives and the original as a <c>srcset</c> value; empty otherwise.</param>
/// <param name="MimeType">e.g. <c>image/jpeg</c>, <c>audio/ogg</c>, <c>video/mp4</c>.</param>
public sealed record MediaFieldDisplay(string Label, MediaKind Kind, string Url, string Alt, string Transcript,
    string? CaptionsUrl, double? DurationSeconds, int? Width, int? Height, string Srcset, string MimeType)
{
    /// <summary>The <c>sizes</c> value that goes with <see cref="Srcset"/>.</summary>
    public const string Sizes = Serving.MediaUrls.Sizes;
}
