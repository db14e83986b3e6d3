using System.Buffers;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Persistence;
using IronicCore.Simulation;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore;

/// <summary>
/// The driver states registered with one conductor, in registration order, and how a snapshot
/// holds them (docs/persistence.md): per state its package's name, the random state of each
/// hardware type it lists, and its own MessagePack value as a byte string, so a package that
/// misreads its state cannot misplace the conductor's.
/// </summary>
internal sealed class DriverStateTable
{
    private readonly List<DriverState> states = [];

    public IReadOnlyList<DriverState> States => states;

    public int Count => states.Count;

    /// <summary>The handlers of every state's clock events, in the order the snapshot numbers them after the simulation's own.</summary>
    public IEnumerable<ISimulationEventHandler> EventHandlers => states.SelectMany(state => state.EventHandlers);

    /// <exception cref="ArgumentException">The state is registered already.</exception>
    public void Add(DriverState state)
    {
        if (states.Contains(state))
        {
            throw new ArgumentException($"This state of driver package {state.Package.Name} is registered already.", nameof(state));
        }

        states.Add(state);
    }

    /// <summary>Whether a registered state keeps <paramref name="type"/>'s state.</summary>
    public bool Keeps(HardwareType type) => states.Any(state => state.HardwareTypes.Contains(type));

    /// <summary>The packages given to a load, by name.</summary>
    /// <exception cref="ArgumentException">A package is null, or two have one name.</exception>
    public static Dictionary<string, DriverPackage> Given(IEnumerable<DriverPackage>? drivers)
    {
        var given = new Dictionary<string, DriverPackage>(StringComparer.Ordinal);
        foreach (var package in drivers ?? [])
        {
            if (package is null || !given.TryAdd(package.Name, package))
            {
                throw new ArgumentException(package is null ? "A driver package is null." : $"Driver package {package.Name} is given twice.", nameof(drivers));
            }
        }

        return given;
    }

    /// <summary>The option sections a load accepts: those given, then the packages' own (one of each section).</summary>
    public static IEnumerable<OptionSection>? Sections(IEnumerable<OptionSection>? sections, IReadOnlyDictionary<string, DriverPackage> given) =>
        given.Count == 0 ? sections : (sections ?? []).Concat(given.Values.SelectMany(package => package.OptionSections)).DistinctBy(section => section?.GetType());

    /// <summary>Refuses, before anything is read, a snapshot whose driver states need packages not given.</summary>
    /// <param name="peek">A reader at the driver states (<see cref="ConductorSnapshot.SkipToDriverStates"/>).</param>
    /// <param name="given">The packages given.</param>
    /// <exception cref="SnapshotDependencyException">A package is missing.</exception>
    public static void CheckGiven(ref MessagePackReader peek, IReadOnlyDictionary<string, DriverPackage> given)
    {
        var missing = new List<string>();
        for (var count = peek.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref peek, 3, "a driver state");
            var name = ReadText(ref peek, "a driver package's name");
            peek.Skip();
            peek.Skip();
            if (!given.ContainsKey(name) && !missing.Contains(name))
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            throw new SnapshotDependencyException(
                $"the snapshot holds the state of driver package{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}, " +
                "not given to Load: give each package (its drivers argument) to restore its hardware types.");
        }
    }

    /// <summary>Writes every state: its package's name, its hardware types' random states, its own value.</summary>
    /// <exception cref="SnapshotUnsupportedException">A state refers to what no earlier state offers, or lists a type not registered.</exception>
    public void Write(ref MessagePackWriter writer, DriverFactory drivers)
    {
        writer.WriteArrayHeader(states.Count);
        var context = new DriverStateWriter(states);
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i];
            writer.WriteArrayHeader(3);
            writer.Write(state.Package.Name);
            var types = state.HardwareTypes.ToList();
            writer.WriteArrayHeader(types.Count);
            foreach (var type in types)
            {
                writer.WriteArrayHeader(2);
                writer.Write(type.Name);
                SnapshotCodec.Write(ref writer, (drivers.ContextOf(type) ?? throw new SnapshotUnsupportedException(
                    $"The state of driver package {state.Package.Name} lists hardware type {type.Name}, which is not registered with the conductor.")).Random.GetState());
            }

            buffer.ResetWrittenCount();
            var own = new MessagePackWriter(buffer);
            context.Current = i;
            state.Write(ref own, context);
            own.Flush();
            writer.Write(buffer.WrittenSpan);
        }
    }

    /// <summary>
    /// Restores every state <see cref="Write"/> wrote on <paramref name="conductor"/> (no nodes yet):
    /// each package registers its hardware types again; their random streams are restored.
    /// </summary>
    /// <returns>What to call once the nodes are loaded (<see cref="DriverState.NodesLoaded"/>).</returns>
    /// <exception cref="SnapshotDependencyException">A package is not given.</exception>
    /// <exception cref="MessagePackSerializationException">The content is not such states.</exception>
    public Action Read(ref MessagePackReader reader, Conductor conductor, IReadOnlyDictionary<string, DriverPackage> given, DriverFactory drivers, NodeTable nodes)
    {
        var context = new DriverStateReader(conductor, states, slot => (uint)slot < (uint)nodes.Count ? nodes.TaskAt(slot) : null);
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 3, "a driver state");
            var name = ReadText(ref reader, "a driver package's name");
            if (!given.TryGetValue(name, out var package))
            {
                throw new SnapshotDependencyException($"the snapshot holds the state of driver package {name}, not given to Load.");
            }

            var randoms = new List<(string Type, SeededRandomState Random)>();
            for (var types = reader.ReadArrayHeader(); types > 0; types--)
            {
                Expect(ref reader, 2, "a hardware type's random stream");
                randoms.Add((ReadText(ref reader, "a hardware type"), ReadRandomState(ref reader)));
            }

            var bytes = reader.ReadBytes() ?? throw new MessagePackSerializationException($"the state of driver package {name} is missing");
            var own = new MessagePackReader(bytes);
            var state = package.Read(ref own, context);
            if (!own.End)
            {
                throw new MessagePackSerializationException($"driver package {name} left {bytes.Length - own.Consumed} bytes of its state unread");
            }

            if (state?.Package != package)
            {
                throw new MessagePackSerializationException($"driver package {name} restored a state of another package");
            }

            Add(state);
            var restored = state.HardwareTypes.ToList();
            if (!restored.Select(type => type.Name).SequenceEqual(randoms.Select(r => r.Type)))
            {
                throw new MessagePackSerializationException(
                    $"driver package {name} restored hardware types [{string.Join(", ", restored.Select(t => t.Name))}], the snapshot has [{string.Join(", ", randoms.Select(r => r.Type))}]");
            }

            for (var i = 0; i < restored.Count; i++)
            {
                var registered = drivers.ContextOf(restored[i])
                    ?? throw new MessagePackSerializationException($"driver package {name} restored hardware type {restored[i].Name} without registering it");
                registered.Random.Restore(randoms[i].Random);
            }
        }

        return () =>
        {
            context.NodesLoaded = true;
            foreach (var state in states)
            {
                state.NodesLoaded(context);
            }
        };
    }
}
