namespace Smartskola.Media.Library;

/// <summary>
/// File moves that can be undone: files set aside go to <paramref name="asideFolder"/>, placed files are remembered, and
/// <see cref="Rollback"/> removes the placed ones and puts the old ones back. Moves stay on one disk, so each is atomic.
/// </summary>
public sealed class StoreMove(string asideFolder)
{
    private readonly List<string> _placed = [];
    private readonly List<(string Original, string Aside)> _aside = [];

    public void SetAside(string file)
    {
        Directory.CreateDirectory(asideFolder);
        var aside = Path.Combine(asideFolder, $"{_aside.Count}");
        File.Move(file, aside);
        _aside.Add((file, aside));
    }

    public void Place(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: true);
        _placed.Add(target);
    }

    /// <summary>The move stands: the files set aside can go (they are in the staging folder, removed with it).</summary>
    public void Commit() => _aside.Clear();

    public void Rollback()
    {
        foreach (var placed in _placed.Where(File.Exists))
        {
            File.Delete(placed);
        }

        foreach (var (original, aside) in _aside)
        {
            File.Move(aside, original, overwrite: true);
        }

        _placed.Clear();
        _aside.Clear();
    }
}
