using System.Globalization;

namespace Smartskola.Core.Patients;

/// <summary>
/// A Swedish personal identity number (personnummer) or coordination number (samordningsnummer), validated and
/// normalized to 12 digits <c>YYYYMMDDNNNC</c>. Never log it, put it in a URL or in the audit log: store it only
/// through <see cref="PersonnummerProtector"/>.
/// </summary>
public readonly record struct Personnummer
{
    public const string FormatError = "Personnumret ska ha 10 eller 12 siffror, t.ex. 19121212-1212.";
    public const string EmptyError = "Ange ett personnummer.";
    public const string DateError = "Datumet i personnumret finns inte.";
    public const string CheckDigitError = "Kontrollsiffran stämmer inte. Kontrollera personnumret.";
    public const string FutureError = "Personnumret ligger i framtiden.";
    public const string TestNumberError = "Testpersonnummer kan inte användas här.";

    private const string WellKnownTestNumber = "191212121212";

    private readonly string? _digits;

    private Personnummer(string digits, DateOnly birthDate, bool coordination)
    {
        _digits = digits;
        BirthDate = birthDate;
        IsCoordinationNumber = coordination;
    }

    /// <summary>The 12 digits <c>YYYYMMDDNNNC</c> (empty for <c>default</c>).</summary>
    public string Normalized => _digits ?? string.Empty;

    /// <summary>The date of birth; for a samordningsnummer the day with 60 subtracted.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>A samordningsnummer: the day of month has 60 added.</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>Only the date part, e.g. <c>19121212-****</c>, for showing which person is meant.</summary>
    public string Masked => _digits is null ? string.Empty : $"{_digits[..8]}-****";

    /// <summary>
    /// A number Skatteverket hands out for testing, never to a real person. Our reading of Skatteverket's test
    /// numbers: their födelsenummer (the three digits before the check digit) lies in 980–999; we also count the
    /// well-known example 19121212-1212 (from Skatteverket's own examples) as a test number.
    /// </summary>
    public bool IsTestNumber =>
        _digits is not null
        && (_digits == WellKnownTestNumber || int.Parse(_digits.AsSpan(8, 3), CultureInfo.InvariantCulture) >= 980);

    /// <summary><c>YYYYMMDD-NNNC</c>.</summary>
    public override string ToString() => _digits is null ? string.Empty : $"{_digits[..8]}-{_digits[8..]}";

    /// <summary>
    /// Accepts <c>YYYYMMDD-NNNC</c>, <c>YYYYMMDDNNNC</c>, <c>YYMMDD-NNNC</c>, <c>YYMMDDNNNC</c> and <c>YYMMDD+NNNC</c>
    /// (the plus: 100 years or older), surrounding whitespace ignored. A 10-digit number gets the latest century
    /// in which the date is not after <paramref name="today"/>, one century earlier with a plus.
    /// </summary>
    public static bool TryParse(string? input, bool allowTestNumbers, DateOnly today, out Personnummer value, out string error)
    {
        value = default;
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = EmptyError;
            return false;
        }

        if (!TrySplit(text, out var century, out var rest, out var separator))
        {
            error = FormatError;
            return false;
        }

        var yy = Number(rest, 0);
        var month = Number(rest, 2);
        var rawDay = Number(rest, 4);
        // Samordningsnummer: Skatteverket adds 60 to the day of birth, so days 61–91 are valid too.
        var coordination = rawDay > 60;
        var day = coordination ? rawDay - 60 : rawDay;
        int year;
        if (century is { } c)
        {
            year = c * 100 + yy;
        }
        else
        {
            year = today.Year / 100 * 100 + yy;
            if (yy * 10000 + month * 100 + day > today.Year % 100 * 10000 + today.Month * 100 + today.Day)
            {
                year -= 100;
            }

            if (separator == '+')
            {
                year -= 100;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = DateError;
            return false;
        }

        if (!LuhnValid(rest))
        {
            error = CheckDigitError;
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = FutureError;
            return false;
        }

        value = new Personnummer(year.ToString("D4", CultureInfo.InvariantCulture) + rest[2..], birthDate, coordination);
        if (value.IsTestNumber && !allowTestNumbers)
        {
            value = default;
            error = TestNumberError;
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, bool, DateOnly, out Personnummer, out string)"/>
    public static bool TryParse(string? input, bool allowTestNumbers, TimeProvider clock, out Personnummer value, out string error) =>
        TryParse(input, allowTestNumbers, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), out value, out error);

    /// <summary>Rebuilds a stored number (12 digits); throws <see cref="FormatException"/> when it is not valid.</summary>
    public static Personnummer FromNormalized(string digits)
    {
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit)
            || !TryParse(digits, allowTestNumbers: true, DateOnly.MaxValue, out var value, out _))
        {
            throw new FormatException("Not a normalized personnummer.");
        }

        return value;
    }

    /// <summary>Splits off an explicit century; <paramref name="rest"/> is the 10 digits YYMMDDNNNC.</summary>
    private static bool TrySplit(string text, out int? century, out string rest, out char? separator)
    {
        century = null;
        rest = string.Empty;
        separator = null;
        var digits = text;
        if (text.Length is 11 or 13 && text[^5] is '-' or '+')
        {
            separator = text[^5];
            digits = text.Remove(text.Length - 5, 1);
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        switch (digits.Length)
        {
            case 10:
                rest = digits;
                return true;
            case 12 when separator != '+':
                century = Number(digits, 0);
                rest = digits[2..];
                return true;
            default:
                return false;
        }
    }

    private static int Number(string digits, int start) =>
        (digits[start] - '0') * 10 + (digits[start + 1] - '0');

    /// <summary>The Luhn algorithm over YYMMDDNNNC: weights 2, 1, 2, … on the first nine digits.</summary>
    private static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }
}
