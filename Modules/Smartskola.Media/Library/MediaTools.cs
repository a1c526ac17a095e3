using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Smartskola.Media.Library;

/// <summary>The result of one external tool run.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the media tools (vips, vipsthumbnail, vipsheader, ffprobe, ffmpeg, espeak-ng) with an argument list (never a
/// shell), a time limit and captured output. Tools are found on PATH.
/// </summary>
public sealed class MediaTools(IOptions<MediaOptions> options)
{
    /// <summary>Whether <paramref name="tool"/> is an executable on PATH.</summary>
    public static bool IsAvailable(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, tool)));

    /// <summary>The tools of <paramref name="tools"/> that are missing.</summary>
    public static IReadOnlyList<string> Missing(params string[] tools) => tools.Where(t => !IsAvailable(t)).ToList();

    public async Task<ToolResult> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new ToolResult(-1, string.Empty, $"{tool} saknas på servern.");
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ToolTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new ToolResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return new ToolResult(-1, string.Empty, $"{tool} tog för lång tid.");
        }
    }
}
