using System.Globalization;
using System.Text;
using Smartskola.Core.Site;

namespace Smartskola.Forms.Export;

/// <summary>
/// CSV: UTF-8 with a byte-order mark (Excel reads å/ä/ö), CRLF, RFC 4180 quoting, one row per response. A cell that a
/// spreadsheet would read as a formula (starting with = + - @, tab or CR) gets a leading apostrophe. With semicolons
/// (the Swedish Excel format) numbers have a decimal comma, so Excel reads 2,5 as a number; with commas, a point.
/// </summary>
public static class CsvExportWriter
{
    /// <summary>Invariant digits and minus sign (sv-SE's U+2212 minus would make Excel read text) with a decimal comma.</summary>
    private static readonly NumberFormatInfo DecimalComma =
        NumberFormatInfo.ReadOnly(new NumberFormatInfo { NumberDecimalSeparator = ",", NegativeSign = "-" });

    public static NumberFormatInfo NumbersFor(char separator) => separator == ';' ? DecimalComma : NumberFormatInfo.InvariantInfo;

    public static async Task<int> WriteAsync(Stream body, ExportColumns columns, bool pseudonymised, char separator,
        IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var header = new List<string> { "svar_id" };
        header.AddRange(pseudonymised ? ["pseudonym"] : ["patient", "personnummer"]);
        header.AddRange(["mallversion", "inskickad", "datum"]);
        header.AddRange(columns.Items);
        foreach (var scale in columns.Scales)
        {
            header.Add($"score_{scale}");
            header.Add($"band_{scale}");
        }

        header.Add("scoring_algorithm");
        await LineAsync(writer, separator, header);

        var numbers = NumbersFor(separator);
        var count = 0;
        var cells = new List<string>(header.Count);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            cells.Clear();
            cells.Add(row.Id.ToString());
            if (pseudonymised)
            {
                cells.Add(row.Subject.Pseudonym ?? string.Empty);
            }
            else
            {
                cells.Add(row.Subject.Name ?? string.Empty);
                cells.Add(row.Subject.Personnummer ?? string.Empty);
            }

            cells.Add(row.Version.ToString(CultureInfo.InvariantCulture));
            cells.Add(SwedishTime.Format(row.SubmittedUtc, "yyyy-MM-ddTHH:mm:ss"));
            cells.Add(row.EntryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
            foreach (var id in columns.Items)
            {
                cells.Add(ExportColumns.Cell(row.Answers[id], numbers));
            }

            foreach (var scale in columns.Scales)
            {
                var score = row.Scores.FirstOrDefault(s => s.ScaleId == scale);
                cells.Add(ExportColumns.Number(score?.Value, numbers));
                cells.Add(score?.Band ?? string.Empty);
            }

            cells.Add(row.ScoringAlgorithm ?? string.Empty);
            await LineAsync(writer, separator, cells);
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public static string Field(string value, char separator)
    {
        // A plain negative number stays a number; anything else that could start a formula is made text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, NumbersFor(separator), out _))
        {
            value = "'" + value;
        }

        return value.IndexOf(separator) >= 0 || value.IndexOfAny(['"', '\n', '\r']) >= 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
    }

    private static async Task LineAsync(StreamWriter writer, char separator, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                await writer.WriteAsync(separator);
            }

            await writer.WriteAsync(Field(field, separator));
            first = false;
        }

        await writer.WriteAsync("\r\n");
    }
}
