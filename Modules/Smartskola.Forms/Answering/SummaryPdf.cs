using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Smartskola.Forms.Answering;

/// <summary>
/// The summary ("Mina svar") as a PDF: module headings, form titles, questions in bold and answers wrapped to the
/// page width. Written with PdfPig (Apache-2.0; PDFsharp 6.5, the only PDFsharp the registry serves, is AGPL) and
/// DejaVu Sans embedded, so Swedish text is searchable and copyable in any reader.
/// </summary>
public static class SummaryPdf
{
    private const double Margin = 56;
    private const string FontFolder = "/usr/share/fonts/truetype/dejavu/";

    // Read once: the font files do not change while the site runs.
    private static readonly Lazy<(byte[] Regular, byte[] Bold)> FontFiles = new(() =>
        (File.ReadAllBytes(FontFolder + "DejaVuSans.ttf"), File.ReadAllBytes(FontFolder + "DejaVuSans-Bold.ttf")));

    public static byte[] Render(string title, IReadOnlyList<SummaryModule> modules)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var writer = new Writer(builder, builder.AddTrueTypeFont(FontFiles.Value.Regular), builder.AddTrueTypeFont(FontFiles.Value.Bold));
        writer.Paragraph(title, 18, bold: true);
        if (modules.Count == 0)
        {
            writer.Paragraph("Du har inte skickat några svar ännu.", 11, bold: false);
        }

        foreach (var module in modules)
        {
            writer.Space(10);
            writer.Paragraph(module.Title, 15, bold: true);
            foreach (var form in module.Forms)
            {
                writer.Space(4);
                writer.Paragraph(form.Title, 12.5, bold: true);
                foreach (var (question, answer) in form.Lines)
                {
                    writer.Paragraph(question, 10.5, bold: true);
                    writer.Paragraph(answer, 10.5, bold: false);
                    writer.Space(4);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Writes paragraphs top-down, wrapping words and starting new A4 pages as needed.</summary>
    private sealed class Writer(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont boldFont)
    {
        private PdfPageBuilder? _page;

        // Distance from the top of the page (PDF coordinates start at the bottom).
        private double _y;

        public void Space(double points) => _y += points;

        public void Paragraph(string text, double size, bool bold)
        {
            var font = bold ? boldFont : regular;
            var lineHeight = size * 1.35;
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(Printable(paragraph), size, font))
                {
                    var page = Room(lineHeight);
                    page.AddText(line, size, new PdfPoint(Margin, page.PageSize.Height - _y - size), font);
                    _y += lineHeight;
                }
            }
        }

        private IEnumerable<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            var page = Room(0);
            var width = page.PageSize.Width - 2 * Margin;
            var line = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Width(page, candidate, size, font) > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }

        private static double Width(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
        {
            if (text.Length == 0)
            {
                return 0;
            }

            var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        }

        private PdfPageBuilder Room(double height)
        {
            if (_page is null || _y + height > _page.PageSize.Height - Margin)
            {
                _page = builder.AddPage(PageSize.A4);
                _y = Margin;
            }

            return _page;
        }

        /// <summary>Tabs and other control characters have no glyph: a space instead.</summary>
        private static string Printable(string text) =>
            string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
    }
}
