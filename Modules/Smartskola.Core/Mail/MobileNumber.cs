using System.Text.RegularExpressions;

namespace Smartskola.Core.Mail;

/// <summary>The one form a mobile number is stored and sent in: E.164, e.g. <c>+46701234567</c>.</summary>
public static partial class MobileNumber
{
    public static bool IsInternational(string? number) => number is not null && International().IsMatch(number);

    /// <summary>The last digits only (<c>•••• 45 67</c>): enough for a patient to recognise their number on screen.</summary>
    public static string Masked(string number) =>
        number.Length <= 4 ? "••••" : $"•••• {number[^4..^2]} {number[^2..]}";

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex International();
}
