using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Smartskola.Core.Site;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Export;

/// <summary>
/// XLSX with the SAX-style <see cref="OpenXmlWriter"/>: one sheet per version ("Version 3") and a data dictionary
/// ("Datalexikon"). The package needs a seekable stream, so it is written to a temporary file that the caller streams
/// and deletes; rows never collect in memory.
/// </summary>
public static class XlsxExportWriter
{
    public const string Dictionary = "Datalexikon";

    /// <param name="rowsOf">The rows of one version.</param>
    public static async Task<int> WriteAsync(string path, IReadOnlyList<TemplateVersion> versions, bool pseudonymised,
        Func<int, IAsyncEnumerable<ExportRow>> rowsOf, CancellationToken cancellationToken)
    {
        var count = 0;
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheets = new List<(string Name, string PartId)>();
        foreach (var version in versions)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var columns = ExportColumns.For([version]);
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var header = new List<string> { "svar_id" };
                header.AddRange(pseudonymised ? ["pseudonym"] : ["patient", "personnummer"]);
                header.AddRange(["inskickad", "datum", .. columns.Items]);
                foreach (var scale in columns.Scales)
                {
                    header.AddRange([$"score_{scale}", $"band_{scale}"]);
                }

                header.Add("scoring_algorithm");
                Row(writer, header.Select(h => (object?)h));
                await foreach (var row in rowsOf(version.Version).WithCancellation(cancellationToken))
                {
                    var cells = new List<object?> { row.Id.ToString() };
                    cells.AddRange(pseudonymised ? [row.Subject.Pseudonym] : [row.Subject.Name, row.Subject.Personnummer]);
                    cells.Add(SwedishTime.Format(row.SubmittedUtc, "yyyy-MM-dd HH:mm:ss"));
                    cells.Add(row.EntryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    foreach (var id in columns.Items)
                    {
                        cells.Add(FormAnswers.NumberOf(row.Answers[id]) is { } number && row.Answers[id] is System.Text.Json.Nodes.JsonValue value
                            && value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? number : ExportColumns.Cell(row.Answers[id]));
                    }

                    foreach (var scale in columns.Scales)
                    {
                        var score = row.Scores.FirstOrDefault(s => s.ScaleId == scale);
                        cells.Add(score?.Value);
                        cells.Add(score?.Band);
                    }

                    cells.Add(row.ScoringAlgorithm);
                    Row(writer, cells);
                    count++;
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            sheets.Add(($"Version {version.Version}", workbook.GetIdOfPart(part)));
        }

        var dictionary = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(dictionary))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            Row(writer, ["id", "version", "typ", "text", "svarsalternativ / poäng"]);
            foreach (var version in versions)
            {
                foreach (var item in version.Definition.AllItems())
                {
                    Row(writer, [item.Id, (decimal)version.Version, item.Type.ToString(), item.Text,
                        string.Join("; ", item.Options.Select(o => o.Score is { } s
                            ? $"{o.Code} = {o.Text} ({s.ToString(CultureInfo.InvariantCulture)})" : $"{o.Code} = {o.Text}"))]);
                }

                foreach (var scale in version.Definition.Scoring.Scales)
                {
                    var reverse = scale.ReverseItemIds.Count > 0 ? $"; omvända: {string.Join(", ", scale.ReverseItemIds)}" : string.Empty;
                    Row(writer, [$"score_{scale.Id}", (decimal)version.Version, $"Skala ({scale.Method})", scale.Name,
                        $"frågor: {string.Join(", ", scale.ItemIds)}{reverse}; intervall: "
                        + string.Join("; ", scale.Bands.Select(b => $"{b.From.ToString(CultureInfo.InvariantCulture)}–{b.To.ToString(CultureInfo.InvariantCulture)} {b.Label}"))]);
                }
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        sheets.Add((Dictionary, workbook.GetIdOfPart(dictionary)));
        workbook.Workbook = new Workbook(new Sheets(sheets.Select((s, i) =>
            new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.PartId })));
        workbook.Workbook.Save();
        return count;
    }

    private static void Row(OpenXmlWriter writer, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case decimal number:
                    writer.WriteElement(new Cell
                    {
                        DataType = CellValues.Number,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                default:
                    writer.WriteElement(new Cell(new InlineString(new Text(Clean(value.ToString()!)) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        DataType = CellValues.InlineString,
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>XML cannot carry control characters other than tab and line breaks.</summary>
    private static string Clean(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : text;
}
