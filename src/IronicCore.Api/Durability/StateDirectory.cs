using System.Reflection;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Api.Durability;

/// <summary>
/// A directory that keeps a served conductor's state across crashes and restarts: the newest
/// snapshot (<see cref="Conductor.Save"/>) and the journal of every request the conductor ran
/// since, each made durable before its response is sent. Give it to the API with
/// <see cref="IronicApiOptions.StateDirectory"/>: the API replays the journal when it starts and
/// keeps writing it (docs/api.md#durability). Open holds the directory's lock until disposed.
/// </summary>
public sealed class StateDirectory : IDisposable
{
    private static readonly string LibraryVersion =
        typeof(StateDirectory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly FileStream lockFile;
    private StateManifest? manifest;

    private StateDirectory(string path, FileStream lockFile, StateManifest? manifest)
    {
        Path = path;
        this.lockFile = lockFile;
        this.manifest = manifest;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>True until <see cref="Create"/>: the directory holds no state yet.</summary>
    public bool IsNew => manifest is null;

    /// <summary>The release profile the state was created with.</summary>
    /// <exception cref="InvalidOperationException">The directory is new.</exception>
    public IronicRelease Release => IronicNameParser.Parse<IronicRelease>(Manifest.Release);

    /// <summary>The clock the state was created with.</summary>
    /// <exception cref="InvalidOperationException">The directory is new.</exception>
    public ClockMode Clock => Enum.Parse<ClockMode>(Manifest.Clock, ignoreCase: true);

    /// <summary>The options that seeded the state when it was created (as <see cref="Create"/> was given them).</summary>
    /// <exception cref="InvalidOperationException">The directory is new.</exception>
    public IReadOnlyDictionary<string, string> StartedWith => Manifest.StartedWith;

    /// <summary>How many writes the API replayed from the journal when it started (0 before).</summary>
    public int RecoveredWrites { get; internal set; }

    /// <summary>How long the API took to replay the journal and catch the clock up when it started.</summary>
    public TimeSpan RecoveryTime { get; internal set; }

    /// <summary>Journal records read by <see cref="Load"/>, waiting for the API to replay them.</summary>
    internal JournalTail? Tail { get; private set; }

    /// <summary>How the directory's snapshots load, as <see cref="Load"/> or <see cref="Create"/> was given it: compaction loads the last one again.</summary>
    internal Func<Stream, Conductor> Loader { get; private set; } = _ => throw new InvalidOperationException("The state directory is new: Create it first.");

    private StateManifest Manifest => manifest ?? throw new InvalidOperationException("The state directory is new: Create it first.");

    /// <summary>Opens (creating if missing) a state directory and takes its lock.</summary>
    /// <param name="path">The directory.</param>
    /// <returns>The directory, locked until disposed.</returns>
    /// <exception cref="StateDirectoryException">Another process holds it, or its <c>state.json</c> is not one this release reads.</exception>
    /// <exception cref="IOException">The directory cannot be created or read.</exception>
    public static StateDirectory Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(full);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(System.IO.Path.Combine(full, StateFiles.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error)
        {
            throw new StateDirectoryException(StateDirectoryError.Locked, full, null, "another ironic-sim serve is using this state directory", error);
        }

        try
        {
            StateFiles.RemoveTemporaries(full);
            return new StateDirectory(full, lockFile, ReadManifest(full));
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes a new directory's state: <paramref name="conductor"/> as it stands (its first
    /// snapshot) and what it was started with.
    /// </summary>
    /// <param name="conductor">The conductor to serve, not yet served.</param>
    /// <param name="clock">The clock it will be served with.</param>
    /// <param name="startedWith">The options that made it (e.g. <c>seed</c>, <c>fleet</c>), kept to check later starts against.</param>
    /// <param name="load">
    /// Loads a snapshot of it, as <see cref="Load"/> would be given, e.g. <c>stream =&gt; Conductor.Load(stream, drivers: ...)</c>:
    /// compactions build each new snapshot off the conductor's loop from the last one.
    /// </param>
    /// <exception cref="InvalidOperationException">The directory already holds state.</exception>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    public void Create(Conductor conductor, ClockMode clock, IReadOnlyDictionary<string, string> startedWith, Func<Stream, Conductor> load)
    {
        ArgumentNullException.ThrowIfNull(conductor);
        ArgumentNullException.ThrowIfNull(startedWith);
        ArgumentNullException.ThrowIfNull(load);
        if (!IsNew)
        {
            throw new InvalidOperationException($"{Path} already holds state.");
        }

        StateFiles.WriteAtomically(StateFiles.Snapshot(Path, 0), conductor.Save);
        var created = new StateManifest(
            StateManifest.CurrentFormat, conductor.Release.ToIronicName(), clock.ToString().ToLowerInvariant(), LibraryVersion, new Dictionary<string, string>(startedWith));
        WriteManifest(created);
        manifest = created;
        Tail = new JournalTail(0, [], null, 0);
        Loader = load;
    }

    /// <summary>
    /// Reads the state: the newest snapshot, loaded by <paramref name="load"/>, and the journal after
    /// it, which the API replays when it starts. A torn last record (a kill mid-write) is dropped.
    /// </summary>
    /// <param name="load">Loads a snapshot, e.g. <c>stream =&gt; Conductor.Load(stream, drivers: ...)</c>; compactions use it again, off the conductor's loop.</param>
    /// <returns>The conductor as the snapshot left it; serve it with this directory to replay the rest.</returns>
    /// <exception cref="StateDirectoryException">A snapshot or journal record is damaged, or the journal was written by another library version.</exception>
    /// <exception cref="InvalidOperationException">The directory is new.</exception>
    public Conductor Load(Func<Stream, Conductor> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var state = Manifest;
        var snapshots = StateFiles.Snapshots(Path);
        if (snapshots.Count == 0)
        {
            throw new StateDirectoryException(StateDirectoryError.Corrupted, Path, null, "state.json is there but no snapshot is");
        }

        var (covered, file) = snapshots[^1];
        var tail = JournalTail.Read(Path, covered);
        if (tail.Records.Any(r => r.Kind == JournalRecordKind.Request) && state.Library != LibraryVersion)
        {
            throw new StateDirectoryException(
                StateDirectoryError.Incompatible, Path, null,
                $"its journal was written by IronicCore {state.Library} and this is {LibraryVersion}, which may replay it differently; stop it cleanly with {state.Library} (that folds the journal into a snapshot) first");
        }

        Conductor conductor;
        try
        {
            using var stream = File.OpenRead(file);
            conductor = load(stream);
        }
        catch (Persistence.PersistenceFormatException error)
        {
            throw new StateDirectoryException(StateDirectoryError.Corrupted, file, null, error.Message, error);
        }

        if (conductor.Release.ToIronicName() != state.Release)
        {
            throw new StateDirectoryException(StateDirectoryError.Incompatible, file, null, $"the snapshot is Ironic {conductor.Release.ToIronicName()}'s but state.json says {state.Release}");
        }

        if (state.Library != LibraryVersion)
        {
            manifest = state with { Library = LibraryVersion };
            WriteManifest(manifest);
        }

        Tail = tail;
        Loader = load;
        return conductor;
    }

    /// <summary>Releases the directory's lock.</summary>
    public void Dispose() => lockFile.Dispose();

    private static StateManifest? ReadManifest(string directory)
    {
        var file = System.IO.Path.Combine(directory, StateFiles.Manifest);
        if (!File.Exists(file))
        {
            return StateFiles.Snapshots(directory).Count == 0 && StateFiles.Journals(directory).Count == 0
                ? null
                : throw new StateDirectoryException(StateDirectoryError.Corrupted, file, null, "missing, though the directory holds snapshots or journals");
        }

        StateManifest? read;
        try
        {
            read = JsonSerializer.Deserialize<StateManifest>(File.ReadAllBytes(file));
        }
        catch (JsonException error)
        {
            throw new StateDirectoryException(StateDirectoryError.Incompatible, file, null, $"not an ironic-sim state manifest ({error.Message})", error);
        }

        if (read is null || read.Format != StateManifest.CurrentFormat || read.StartedWith is null || read.Release is null || read.Clock is null || read.Library is null)
        {
            throw new StateDirectoryException(StateDirectoryError.Incompatible, file, null, $"state format {read?.Format}; this release reads format {StateManifest.CurrentFormat}");
        }

        if (!IronicNames.TryParse<IronicRelease>(read.Release, out _) || !Enum.TryParse<ClockMode>(read.Clock, ignoreCase: true, out _))
        {
            throw new StateDirectoryException(StateDirectoryError.Incompatible, file, null, $"release \"{read.Release}\" or clock \"{read.Clock}\" is not one this release knows");
        }

        return read;
    }

    private void WriteManifest(StateManifest written) =>
        StateFiles.WriteAtomically(System.IO.Path.Combine(Path, StateFiles.Manifest), stream => JsonSerializer.Serialize(stream, written));
}
