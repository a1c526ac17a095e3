using System.Globalization;
using System.Text;

namespace Smartskola.Enrolment.Figures;

/// <summary>
/// The figures as CSV for Swedish Excel: semicolons, UTF-8 with a byte-order mark, decimal comma, CRLF line ends.
/// Fields with a separator, quote or line break are quoted; text that a spreadsheet would read as a formula
/// (starting with = + - @) gets a leading apostrophe.
/// </summary>
public static class UnitFiguresCsv
{
    private static readonly CultureInfo Swedish = new("sv-SE");

    public static byte[] Write(IReadOnlyList<UnitFigures> figures, IReadOnlyList<(int Number, string Title)> modules)
    {
        var csv = new StringBuilder();
        Line(csv, [
            "Vårdenhet", "Inskrivna", "Aktiva", "Vidmakthållande", "Avslutade", "Aktiva senaste 7 dagarna",
            "Aktiva senaste 30 dagarna", "Inaktiva", "Gräns för inaktivitet (dagar)",
            .. modules.Select(m => $"Genomförd modul {m.Number}: {m.Title}"),
            "Genomfört alla moduler", "Mediantid till sista modulen (dagar)",
        ]);
        foreach (var unit in figures)
        {
            Line(csv, [
                unit.UnitName, Number(unit.Enrolled), Number(unit.Active), Number(unit.Maintenance), Number(unit.Ended),
                Number(unit.ActiveLast7Days), Number(unit.ActiveLast30Days), Number(unit.Inactive), Number(unit.InactivityDays),
                .. modules.Select(m => Number(unit.Modules.FirstOrDefault(c => c.Number == m.Number)?.Completed ?? 0)),
                Number(unit.CompletedAll), unit.MedianDaysToComplete?.ToString("0.#", Swedish) ?? string.Empty,
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Field))).Append("\r\n");
}
