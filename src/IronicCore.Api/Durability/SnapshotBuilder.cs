using System.Diagnostics;
using IronicCore.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Durability;

/// <summary>
/// Builds a compaction's snapshot off the conductor's loop: loads the previous snapshot into a
/// conductor of its own and replays over it the journal records the new snapshot covers, as a
/// restart would, then writes it, renames it into place and deletes what it covers. The served
/// conductor is never read, so the loop goes on with the next segment meanwhile; and the snapshot
/// holds exactly what a restart from the files it replaces would rebuild.
/// </summary>
internal static class SnapshotBuilder
{
    private static readonly DiagnosticListener Diagnostics = new("IronicCore.Api.Compaction");

    /// <summary>Writes the snapshot of every record up to <paramref name="covered"/> (the journal goes on after it in a newer segment).</summary>
    /// <param name="directory">The state directory's path.</param>
    /// <param name="covered">The last record the snapshot holds.</param>
    /// <param name="load">Loads a snapshot, as the directory was loaded or created with.</param>
    /// <param name="settings">The served API's settings: the replay runs the same rules.</param>
    /// <param name="probe">Called at each step, for fault-injection tests; null in service.</param>
    /// <exception cref="StateDirectoryException">A record no longer replays, or the journal it covers is damaged.</exception>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    public static async Task Build(string directory, long covered, Func<Stream, Conductor> load, ApiSettings settings, Action<CompactionStep>? probe)
    {
        var (from, file) = StateFiles.Snapshots(directory).Last(s => s.Sequence < covered);
        var records = JournalTail.Between(directory, from, covered);
        Conductor conductor;
        using (var stream = File.OpenRead(file))
        {
            conductor = load(stream);
        }

        var replaySettings = settings with { Auth = AuthStrategy.NoAuth, State = null };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Diagnostics)
            .AddApiCore(replaySettings, conductor);
        await using (var provider = services.BuildServiceProvider())
        {
            var pipeline = ApiPipeline.Build(new ApplicationBuilder(provider), replaySettings);
            await JournalReplay.Run(records, pipeline, provider, directory).ConfigureAwait(false);
        }

        probe?.Invoke(CompactionStep.Replayed);
        StateFiles.WriteAtomically(StateFiles.Snapshot(directory, covered), conductor.Save, () => probe?.Invoke(CompactionStep.SnapshotWritten));
        probe?.Invoke(CompactionStep.SnapshotInPlace);
        StateFiles.RemoveCovered(directory, covered, probe);
    }
}
