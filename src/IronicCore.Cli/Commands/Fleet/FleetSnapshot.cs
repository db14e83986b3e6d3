using System.Buffers;
using IronicCore.Persistence;
using IronicCore.Simulation.Fleet;
using MessagePack;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// What <c>ironic-sim fleet --save</c> writes and <c>--resume</c> reads: the policy assemblies
/// the run loaded, then every policy's run (scenario, state, pending events), in the order the
/// table lists them. Written to a temporary file and moved into place, so a crash mid-write
/// never leaves half a snapshot under the name.
/// </summary>
internal static class FleetSnapshot
{
    public static void Save(string path, IReadOnlyList<string> assemblies, IReadOnlyList<FleetSimulation> simulations)
    {
        var body = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new MessagePackWriter(body);
        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(assemblies.Count);
        foreach (var assembly in assemblies)
        {
            writer.Write(Path.GetFullPath(assembly));
        }

        writer.WriteArrayHeader(simulations.Count);
        foreach (var simulation in simulations)
        {
            simulation.Write(ref writer);
        }

        writer.Flush();
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            SnapshotFile.Write(file, SnapshotKind.FleetCommand, body.WrittenSpan);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the runs back, making each policy from the saved assemblies.</summary>
    /// <exception cref="PersistenceFormatException">The file is not such a snapshot, newer, truncated or corrupted.</exception>
    /// <exception cref="FleetInputException">A saved policy assembly cannot be loaded again.</exception>
    public static (IReadOnlyList<string> Assemblies, IReadOnlyList<FleetSimulation> Simulations) Load(string path)
    {
        byte[] body;
        int format;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read))
        {
            (body, format) = SnapshotFile.Read(file, SnapshotKind.FleetCommand, path);
        }

        return SnapshotReading.Decode(body, path, (ref MessagePackReader reader) =>
        {
            SnapshotCodec.Expect(ref reader, 2, "a fleet command's snapshot");
            var assemblies = new List<string>();
            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                assemblies.Add(SnapshotCodec.ReadText(ref reader, "a policy assembly"));
            }

            var catalog = PolicyCatalog.Load(assemblies);
            var simulations = new List<FleetSimulation>();
            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                simulations.Add(FleetSimulation.Read(ref reader, name => catalog.Select(name)[0](), format));
            }

            return ((IReadOnlyList<string>)assemblies, (IReadOnlyList<FleetSimulation>)simulations);
        });
    }
}
