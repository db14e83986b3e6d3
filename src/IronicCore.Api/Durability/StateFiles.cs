using System.Globalization;
using System.Runtime.InteropServices;

namespace IronicCore.Api.Durability;

/// <summary>
/// The files of a state directory and how they are made durable: a file is written whole to a
/// temporary name, flushed to the disk, renamed into place, and the directory flushed, so a crash
/// leaves either the old file or the new one, never half of one.
/// </summary>
internal static partial class StateFiles
{
    public const string Manifest = "state.json";

    public const string LockFile = "lock";

    private const string SnapshotPrefix = "snapshot-";
    private const string SnapshotSuffix = ".bin";
    private const string JournalPrefix = "journal-";
    private const string JournalSuffix = ".log";
    private const string Temporary = ".tmp";

    /// <summary>The snapshot holding every record up to <paramref name="sequence"/>.</summary>
    public static string Snapshot(string directory, long sequence) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{SnapshotPrefix}{sequence:D20}{SnapshotSuffix}"));

    /// <summary>The journal segment whose records start after <paramref name="sequence"/>.</summary>
    public static string Journal(string directory, long sequence) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{JournalPrefix}{sequence:D20}{JournalSuffix}"));

    public static List<(long Sequence, string Path)> Snapshots(string directory) => Numbered(directory, SnapshotPrefix, SnapshotSuffix);

    public static List<(long Sequence, string Path)> Journals(string directory) => Numbered(directory, JournalPrefix, JournalSuffix);

    /// <summary>Temporary files a crash left behind: never renamed into place, so never acknowledged.</summary>
    public static void RemoveTemporaries(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*" + Temporary))
        {
            File.Delete(file);
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically and durably; <paramref name="written"/> runs when the temporary file is on the disk, before the rename.</summary>
    public static void WriteAtomically(string path, Action<Stream> write, Action? written = null)
    {
        var temporary = path + Temporary;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        written?.Invoke();
        File.Move(temporary, path, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Deletes what the snapshot of record <paramref name="covered"/>, already in place, makes
    /// redundant: older snapshots first, then the segments before its own (each holds records up to
    /// <paramref name="covered"/> only). A crash between two deletions leaves files a restart skips.
    /// </summary>
    public static void RemoveCovered(string directory, long covered, Action<CompactionStep>? probe)
    {
        foreach (var (sequence, path) in Snapshots(directory))
        {
            if (sequence < covered)
            {
                File.Delete(path);
            }
        }

        probe?.Invoke(CompactionStep.SnapshotsPruned);
        foreach (var (sequence, path) in Journals(directory))
        {
            if (sequence < covered)
            {
                File.Delete(path);
            }
        }

        FlushDirectory(directory);
        probe?.Invoke(CompactionStep.JournalsPruned);
    }

    /// <summary>Makes the directory's entries (a file created, renamed or deleted) durable.</summary>
    public static void FlushDirectory(string directory)
    {
        // Windows has no directory handle to flush; its renames are journaled by NTFS.
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        var descriptor = Open(directory, 0);
        if (descriptor < 0)
        {
            throw new IOException($"{directory}: cannot open the directory to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"{directory}: cannot flush the directory (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static List<(long Sequence, string Path)> Numbered(string directory, string prefix, string suffix)
    {
        var found = new List<(long, string)>();
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*" + suffix))
        {
            var name = Path.GetFileName(file);
            if (long.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                found.Add((sequence, file));
            }
        }

        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
