using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Smartskola.Core.Site;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Export;

/// <summary>
/// XLSX: one sheet per version ("Version 3") and a data dictionary ("Datalexikon"). The SDK's package API opens files
/// read-write, which keeps every part in memory until it closes, so a large export grew with its rows. Instead the
/// package is a plain zip written forward (<see cref="ZipArchiveMode.Create"/>) to a temporary file that the caller
/// streams and deletes: each sheet goes straight into its entry through the SAX-style <see cref="OpenXmlWriter"/>,
/// then the four small package parts that list the sheets. Memory stays flat whatever the number of rows.
/// </summary>
public static class XlsxExportWriter
{
    public const string Dictionary = "Datalexikon";

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <param name="rowsOf">The rows of one version.</param>
    public static async Task<int> WriteAsync(string path, IReadOnlyList<TemplateVersion> versions, bool pseudonymised,
        Func<int, IAsyncEnumerable<ExportRow>> rowsOf, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: false);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var sheets = new List<string>();
        var count = 0;
        foreach (var version in versions)
        {
            sheets.Add($"Version {version.Version}");
            count += await SheetAsync(zip, sheets.Count,
                writer => VersionSheetAsync(writer, version, pseudonymised, rowsOf(version.Version), cancellationToken));
        }

        sheets.Add(Dictionary);
        await SheetAsync(zip, sheets.Count, writer => Task.FromResult(DictionarySheet(writer, versions)));
        WritePackageParts(zip, sheets);
        return count;
    }

    private static async Task<int> VersionSheetAsync(OpenXmlWriter writer, TemplateVersion version, bool pseudonymised,
        IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        var columns = ExportColumns.For([version]);
        var header = new List<string> { "svar_id" };
        header.AddRange(pseudonymised ? ["pseudonym"] : ["patient", "personnummer"]);
        header.AddRange(["inskickad", "datum", .. columns.Items]);
        foreach (var scale in columns.Scales)
        {
            header.AddRange([$"score_{scale}", $"band_{scale}"]);
        }

        header.Add("scoring_algorithm");
        Row(writer, header.Select(h => (object?)h));
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
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

        return count;
    }

    private static int DictionarySheet(OpenXmlWriter writer, IReadOnlyList<TemplateVersion> versions)
    {
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

        return 0; // no responses on this sheet
    }

    /// <summary>Writes <c>xl/worksheets/sheet{n}.xml</c>: the sheet data rows come from <paramref name="write"/>.</summary>
    private static async Task<int> SheetAsync(ZipArchive zip, int number, Func<OpenXmlWriter, Task<int>> write)
    {
        await using var stream = zip.CreateEntry($"xl/worksheets/sheet{number}.xml", CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var rows = await write(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
        return rows;
    }

    /// <summary>The content types, the package and workbook relationships, and the workbook that names the sheets.</summary>
    private static void WritePackageParts(ZipArchive zip, IReadOnlyList<string> sheets)
    {
        var numbers = Enumerable.Range(1, sheets.Count).ToList();
        Xml(zip, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypesNamespace);
            Element(xml, ContentTypesNamespace, "Default", ("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml"));
            Element(xml, ContentTypesNamespace, "Default", ("Extension", "xml"), ("ContentType", "application/xml"));
            Element(xml, ContentTypesNamespace, "Override", ("PartName", "/xl/workbook.xml"),
                ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
            foreach (var n in numbers)
            {
                Element(xml, ContentTypesNamespace, "Override", ("PartName", $"/xl/worksheets/sheet{n}.xml"),
                    ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
            }
        });
        Xml(zip, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            Element(xml, RelationshipsNamespace, "Relationship", ("Id", "rId1"), ("Type", $"{DocumentRelationships}/officeDocument"), ("Target", "xl/workbook.xml"));
        });
        Xml(zip, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            foreach (var n in numbers)
            {
                Element(xml, RelationshipsNamespace, "Relationship", ("Id", $"rId{n}"), ("Type", $"{DocumentRelationships}/worksheet"), ("Target", $"worksheets/sheet{n}.xml"));
            }
        });
        Xml(zip, "xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", MainNamespace);
            xml.WriteAttributeString("xmlns", "r", null, DocumentRelationships);
            xml.WriteStartElement("sheets", MainNamespace);
            foreach (var n in numbers)
            {
                xml.WriteStartElement("sheet", MainNamespace);
                xml.WriteAttributeString("name", sheets[n - 1]);
                xml.WriteAttributeString("sheetId", n.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("id", DocumentRelationships, $"rId{n}");
                xml.WriteEndElement();
            }
        });
    }

    private static void Xml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument(); // closes the open elements
    }

    private static void Element(XmlWriter xml, string ns, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, ns);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        xml.WriteEndElement();
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
