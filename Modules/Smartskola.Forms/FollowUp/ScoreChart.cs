using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Smartskola.Core.Site;

namespace Smartskola.Forms.FollowUp;

/// <summary>
/// A scale's values over time as a server-rendered SVG (no script, no inline styles: classes only, for the strict
/// CSP). Bands are shaded areas; the same numbers are in the table next to it for screen readers.
/// </summary>
public static class ScoreChart
{
    private const int Width = 480, Height = 200, Left = 40, Right = 10, Top = 10, Bottom = 30;

    public static IHtmlContent Render(ScaleSeries series, string title)
    {
        var points = series.Points;
        var values = points.Select(p => p.Value).Concat(series.Scale.Bands.SelectMany(b => new[] { b.From, b.To })).ToList();
        decimal min = Math.Min(0, values.Min()), max = values.Max();
        if (max == min)
        {
            max = min + 1;
        }

        double X(int i) => Left + (points.Count == 1 ? (Width - Left - Right) / 2.0 : i * (Width - Left - Right) / (double)(points.Count - 1));
        double Y(decimal v) => Top + (double)((max - v) / (max - min)) * (Height - Top - Bottom);
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var enc = HtmlEncoder.Default;
        var label = $"{title}, {series.Scale.Name}: " + string.Join(", ",
            points.Select(p => $"{SwedishTime.Format(p.SubmittedUtc, "yyyy-MM-dd")} {p.Value.ToString(CultureInfo.GetCultureInfo("sv-SE"))}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"score-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{enc.Encode(label)}\" data-testid=\"score-chart\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{enc.Encode(label)}</title>");
        var bandIndex = 0;
        foreach (var band in series.Scale.Bands)
        {
            var y1 = Y(Math.Min(max, band.To));
            var y2 = Y(Math.Max(min, band.From));
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"band band-{bandIndex++ % 4}\" x=\"{Left}\" y=\"{F(y1)}\" width=\"{Width - Left - Right}\" height=\"{F(Math.Max(0, y2 - y1))}\"><title>{enc.Encode(band.Label)}</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 4}\" y=\"{F(Y(max) + 4)}\" text-anchor=\"end\">{F((double)max)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 4}\" y=\"{F(Y(min) + 4)}\" text-anchor=\"end\">{F((double)min)}</text>");
        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"")
                .AppendJoin(' ', points.Select((p, i) => $"{F(X(i))},{F(Y(p.Value))}")).Append("\"/>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{F(X(i))}\" cy=\"{F(Y(points[i].Value))}\" r=\"4\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"tick\" x=\"{F(X(i))}\" y=\"{Height - 10}\" text-anchor=\"middle\">{SwedishTime.Format(points[i].SubmittedUtc, "d/M")}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
