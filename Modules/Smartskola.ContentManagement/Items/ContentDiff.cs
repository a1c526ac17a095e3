using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;

namespace Smartskola.ContentManagement.Items;

public enum DiffKind
{
    Unchanged,
    Removed,
    Added,
    Changed,
    Empty,
}

/// <summary>A word or run of text within a changed line.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);

public sealed record DiffCell(DiffKind Kind, string? LineNumber, IReadOnlyList<DiffSpan> Pieces);

public sealed record DiffRow(DiffCell Old, DiffCell New);

/// <summary>One part or field compared between two versions.</summary>
public sealed record DiffSection(string Label, bool Changed, IReadOnlyList<DiffRow> Rows);

/// <summary>
/// Side-by-side comparison of two versions as readable text per part and field (headings, list items and
/// paragraphs on their own lines), with changed words marked. Never raw JSON.
/// </summary>
public sealed class ContentDiff(ContentRenderer renderer)
{
    private static readonly SideBySideDiffBuilder Builder = new(new Differ());

    public async Task<IReadOnlyList<DiffSection>> CompareAsync(ContentItem older, ContentItem newer, ContentTypeDefinition type)
    {
        var before = await renderer.ToTextAsync(older, type);
        var after = await renderer.ToTextAsync(newer, type);
        var sections = new List<DiffSection>();
        for (var i = 0; i < before.Count; i++)
        {
            var oldText = before[i].Text;
            var newText = after[i].Text;
            var model = Builder.BuildDiffModel(oldText, newText, ignoreWhitespace: false);
            var rows = model.OldText.Lines.Zip(model.NewText.Lines, (o, n) => new DiffRow(Cell(o), Cell(n))).ToList();
            sections.Add(new DiffSection(before[i].Label, oldText != newText, rows));
        }

        return sections;
    }

    private static DiffCell Cell(DiffPlex.DiffBuilder.Model.DiffPiece line)
    {
        var kind = Kind(line.Type);
        var pieces = kind == DiffKind.Changed && line.SubPieces.Count > 0
            ? line.SubPieces.Where(p => p.Type != ChangeType.Imaginary)
                .Select(p => new DiffSpan(Kind(p.Type), p.Text ?? string.Empty)).ToList()
            : [new DiffSpan(kind, line.Text ?? string.Empty)];
        return new DiffCell(kind, line.Position?.ToString(), pieces);
    }

    private static DiffKind Kind(ChangeType type) => type switch
    {
        ChangeType.Deleted => DiffKind.Removed,
        ChangeType.Inserted => DiffKind.Added,
        ChangeType.Modified => DiffKind.Changed,
        ChangeType.Imaginary => DiffKind.Empty,
        _ => DiffKind.Unchanged,
    };
}
