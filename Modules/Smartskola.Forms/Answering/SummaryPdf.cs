using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Smartskola.Forms.Answering;

/// <summary>
/// The summary ("Mina svar") as a PDF: module headings, form titles, questions in bold and answers wrapped to the
/// page width. Text is WinAnsi-encoded (covers Swedish) so the words are searchable and copyable in any reader.
/// </summary>
public static class SummaryPdf
{
    private const double Margin = 56;
    private const string Family = "DejaVu Sans";
    private static readonly Lazy<bool> Fonts = new(() =>
    {
        // PDFsharp 6 on Linux has no system font access: it must be given the font files.
        GlobalFontSettings.FontResolver ??= new DejaVuFontResolver();
        return true;
    });

    /// <param name="compress">Off in tests, so the text can be found in the file.</param>
    public static byte[] Render(string title, IReadOnlyList<SummaryModule> modules, bool compress = true)
    {
        _ = Fonts.Value;
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Options.CompressContentStreams = compress;
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        var writer = new Writer(document, options);
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

        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Writes paragraphs top-down, wrapping words and starting new pages as needed.</summary>
    private sealed class Writer(PdfDocument document, XPdfFontOptions options) : IDisposable
    {
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public void Space(double points) => _y += points;

        public void Paragraph(string text, double size, bool bold)
        {
            var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
            var lineHeight = size * 1.35;
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(paragraph, font))
                {
                    var graphics = Room(lineHeight);
                    graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + size));
                    _y += lineHeight;
                }
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var width = (_page?.Width.Point ?? XUnit.FromMillimeter(210).Point) - 2 * Margin;
            var graphics = Room(0);
            var line = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
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

        private XGraphics Room(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                _graphics?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _graphics = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }

            return _graphics;
        }

        public void Dispose() => _graphics?.Dispose();
    }

    /// <summary>DejaVu Sans from the system fonts (Debian's fonts-dejavu-core).</summary>
    private sealed class DejaVuFontResolver : IFontResolver
    {
        private const string Folder = "/usr/share/fonts/truetype/dejavu/";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
    }
}
