namespace Smartskola.Media;

/// <summary>What a library asset is, decided from its content, never from its name.</summary>
public enum MediaKind
{
    Image,
    Audio,
    Video,
    Captions,
    Pdf,
}

public static class MediaKindText
{
    /// <summary>Swedish name, e.g. for filters: "Bild".</summary>
    public static string Name(MediaKind kind) => kind switch
    {
        MediaKind.Image => "Bild",
        MediaKind.Audio => "Ljud",
        MediaKind.Video => "Film",
        MediaKind.Captions => "Undertexter",
        _ => "PDF",
    };

    /// <summary>Definite form for messages: "bilden", "filmen".</summary>
    public static string Definite(MediaKind kind) => kind switch
    {
        MediaKind.Image => "bilden",
        MediaKind.Audio => "ljudet",
        MediaKind.Video => "filmen",
        MediaKind.Captions => "undertextfilen",
        _ => "PDF-filen",
    };
}
