using System.Net.Mail;
using System.Text.RegularExpressions;
using Smartskola.Core.Mail;

namespace Smartskola.Enrolment.Patients;

/// <summary>Checks and normalizes the optional e-mail address and mobile number.</summary>
public static partial class ContactDetails
{
    public static bool TryEmail(string? input, out string? email, out string error)
    {
        email = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        error = string.Empty;
        if (email is null)
        {
            return true;
        }

        if (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            error = "Skriv e-postadressen i formen namn@exempel.se.";
            return false;
        }

        return true;
    }

    /// <summary>Swedish mobile numbers (07x…) become international form (+467x…); other countries need a leading +.</summary>
    public static bool TryMobile(string? input, out string? mobile, out string error)
    {
        mobile = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }

        var digits = Separators().Replace(input.Trim(), string.Empty);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }

        if (digits.StartsWith('0'))
        {
            digits = "+46" + digits[1..];
        }

        if (!MobileNumber.IsInternational(digits) || (digits.StartsWith("+46", StringComparison.Ordinal) && !digits.StartsWith("+467", StringComparison.Ordinal)))
        {
            error = "Skriv ett mobilnummer, t.ex. 070-123 45 67.";
            return false;
        }

        mobile = digits;
        return true;
    }

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();
}
