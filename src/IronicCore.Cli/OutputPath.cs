namespace IronicCore.Cli;

/// <summary>
/// Checks where a command will write before it runs anything, so a month of simulation never ends
/// on "cannot write there": the directory is made and a file is written in it and removed.
/// </summary>
internal static class OutputPath
{
    /// <summary>Makes <paramref name="path"/> (given by <paramref name="option"/>) if needed and proves a file can be written in it; nothing when null.</summary>
    /// <exception cref="InputRefusedException">It cannot be made, or written in.</exception>
    public static void Directory(string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        Check(option, path, () =>
        {
            System.IO.Directory.CreateDirectory(path);
            Probe(path);
        });
    }

    /// <summary>Proves the file <paramref name="path"/> (given by <paramref name="option"/>) can be written: its directory exists and takes a file, and it is not a directory or a read-only file; nothing when null.</summary>
    /// <exception cref="InputRefusedException">It cannot be written.</exception>
    public static void File(string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        Check(option, path, () =>
        {
            if (System.IO.Directory.Exists(path))
            {
                throw new IOException("it is a directory");
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!System.IO.Directory.Exists(directory))
            {
                throw new IOException($"no directory {directory}");
            }

            if (System.IO.File.Exists(path))
            {
                using var existing = new FileStream(path, FileMode.Open, FileAccess.Write);
            }

            Probe(directory);
        });
    }

    private static void Probe(string directory)
    {
        using var probe = new FileStream(
            Path.Combine(directory, $".ironic-sim-probe-{Environment.ProcessId}"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
    }

    private static void Check(string option, string path, Action check)
    {
        try
        {
            check();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputRefusedException($"{option} {path}: cannot write there: {error.Message}");
        }
    }
}
