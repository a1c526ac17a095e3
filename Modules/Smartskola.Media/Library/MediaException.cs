namespace Smartskola.Media.Library;

/// <summary>A refused media operation: a Swedish message for the user and the HTTP status that fits (400, 409, 413).</summary>
public sealed class MediaException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
