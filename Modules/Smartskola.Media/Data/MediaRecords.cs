namespace Smartskola.Media.Data;

/// <summary>One file in the media library. The file itself is at <see cref="Path"/> in the <see cref="MediaFileStore"/>.</summary>
public sealed class MediaAsset
{
    /// <summary>32 lower-case hex characters.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Unique, lower-case, as <see cref="MediaFileStore.IsValidPath"/>: <c>bilder/andning.jpg</c>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The path's folder (<c>bilder</c>; empty at the root).</summary>
    public string Folder { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public MediaKind Kind { get; set; }

    public string MimeType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored file.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public int? Width { get; set; }

    public int? Height { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>Main stream codec (video codec for films), from ffprobe.</summary>
    public string? Codec { get; set; }

    /// <summary>Default alternative text (images); a media field may override it.</summary>
    public string AltText { get; set; } = string.Empty;

    /// <summary>Transcript (audio, and optionally video).</summary>
    public string Transcript { get; set; } = string.Empty;

    /// <summary>A captions asset (WebVTT) shown with this film.</summary>
    public string? CaptionsPath { get; set; }

    /// <summary>Starts at 1; each replacement of the file adds one, so versioned URLs change.</summary>
    public int Revision { get; set; } = 1;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public Guid? UploadedBy { get; set; }

    public string? UploadedByName { get; set; }
}

/// <summary>An asset used by a content item: in its latest version, its published version (not in the recycle bin), or both.</summary>
public sealed class MediaUsage
{
    public long Id { get; set; }

    public string AssetPath { get; set; } = string.Empty;

    public string ContentItemId { get; set; } = string.Empty;

    public bool InLatest { get; set; }

    public bool InPublished { get; set; }
}
