using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>
/// How the values a snapshot shares between its parts are written: each composite is a
/// MessagePack array whose length is checked on reading, times are UTC ticks, enums their
/// numbers, absent values nil. Reading the wrong shape throws <see cref="MessagePackSerializationException"/>,
/// which the loader reports as <see cref="PersistenceFormatError.Corrupted"/>. Its public members
/// serve simulations that embed a conductor in their own snapshots (<see cref="Conductor.WriteSnapshot"/>).
/// </summary>
public static class SnapshotCodec
{
    /// <summary>Reads an array header and checks its length.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="count">The length expected.</param>
    /// <param name="what">What the array is, for the error.</param>
    /// <exception cref="MessagePackSerializationException">Another length.</exception>
    public static void Expect(ref MessagePackReader reader, int count, string what)
    {
        var actual = reader.ReadArrayHeader();
        if (actual != count)
        {
            throw new MessagePackSerializationException($"{what} has {actual} fields, not {count}");
        }
    }

    /// <summary>Reads a string that must be there.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="what">What the string is, for the error.</param>
    /// <returns>The string.</returns>
    /// <exception cref="MessagePackSerializationException">Nil.</exception>
    public static string ReadText(ref MessagePackReader reader, string what) =>
        reader.ReadString() ?? throw new MessagePackSerializationException($"{what} is missing");

    /// <summary>Reads an enum written as its number.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MessagePackSerializationException">A number the enum does not define.</exception>
    public static T ReadEnum<T>(ref MessagePackReader reader)
        where T : struct, Enum
    {
        var value = (T)Enum.ToObject(typeof(T), reader.ReadInt32());
        return Enum.IsDefined(value) ? value : throw new MessagePackSerializationException($"{value} is not a {typeof(T).Name}");
    }

    internal static void WriteEnum<T>(ref MessagePackWriter writer, T? value)
        where T : struct, Enum
    {
        if (value is { } present)
        {
            writer.Write(Convert.ToInt32(present, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNil();
        }
    }

    internal static T? ReadNullableEnum<T>(ref MessagePackReader reader)
        where T : struct, Enum =>
        reader.TryReadNil() ? null : ReadEnum<T>(ref reader);

    internal static void Write(ref MessagePackWriter writer, DateTimeOffset? value)
    {
        if (value is { } present)
        {
            writer.Write(present.UtcTicks);
        }
        else
        {
            writer.WriteNil();
        }
    }

    internal static DateTimeOffset ReadTime(ref MessagePackReader reader) => new(reader.ReadInt64(), TimeSpan.Zero);

    internal static DateTimeOffset? ReadNullableTime(ref MessagePackReader reader) => reader.TryReadNil() ? null : ReadTime(ref reader);

    internal static void Write(ref MessagePackWriter writer, int? value)
    {
        if (value is { } present)
        {
            writer.Write(present);
        }
        else
        {
            writer.WriteNil();
        }
    }

    internal static int? ReadNullableInt(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadInt32();

    internal static void Write(ref MessagePackWriter writer, bool? value)
    {
        if (value is { } present)
        {
            writer.Write(present);
        }
        else
        {
            writer.WriteNil();
        }
    }

    internal static bool? ReadNullableBool(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadBoolean();

    /// <summary>Writes a span of time as ticks.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The span.</param>
    public static void Write(ref MessagePackWriter writer, TimeSpan value) => writer.Write(value.Ticks);

    /// <summary>Reads a span of time written as ticks.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The span.</returns>
    public static TimeSpan ReadSpan(ref MessagePackReader reader) => TimeSpan.FromTicks(reader.ReadInt64());

    internal static void Write(ref MessagePackWriter writer, StepReference? step)
    {
        if (step is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(2);
        writer.Write(step.Interface);
        writer.Write(step.Step);
    }

    internal static StepReference? ReadStepReference(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(ref reader, 2, "a step reference");
        return new StepReference(ReadText(ref reader, "a step's interface"), ReadText(ref reader, "a step's name"));
    }

    internal static void Write(ref MessagePackWriter writer, StepDefinition step)
    {
        writer.WriteArrayHeader(7);
        writer.Write(step.Interface);
        writer.Write(step.Step);
        writer.Write(step.Priority);
        writer.Write(step.Abortable);
        writer.Write(step.RequiresRamdisk);
        if (step.ArgsInfo is { } args)
        {
            writer.WriteMapHeader(args.Count);
            foreach (var (name, required) in args.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(required);
            }
        }
        else
        {
            writer.WriteNil();
        }

        writer.Write(step.RebootRequested);
    }

    internal static StepDefinition ReadStepDefinition(ref MessagePackReader reader)
    {
        Expect(ref reader, 7, "a step definition");
        var @interface = ReadText(ref reader, "a step's interface");
        var step = ReadText(ref reader, "a step's name");
        var priority = reader.ReadInt32();
        var abortable = reader.ReadBoolean();
        var requiresRamdisk = reader.ReadBoolean();
        ImmutableDictionary<string, bool>? args = null;
        if (!reader.TryReadNil())
        {
            var builder = ImmutableDictionary.CreateBuilder<string, bool>();
            for (var count = reader.ReadMapHeader(); count > 0; count--)
            {
                builder.Add(ReadText(ref reader, "an argument's name"), reader.ReadBoolean());
            }

            args = builder.ToImmutable();
        }

        return new StepDefinition(@interface, step, priority, abortable, requiresRamdisk, args, reader.ReadBoolean());
    }

    internal static void Write(ref MessagePackWriter writer, ImmutableArray<StepDefinition>? steps)
    {
        if (steps is not { IsDefault: false } present)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(present.Length);
        foreach (var step in present)
        {
            Write(ref writer, step);
        }
    }

    internal static ImmutableArray<StepDefinition>? ReadStepDefinitions(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<StepDefinition>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add(ReadStepDefinition(ref reader));
        }

        return builder.MoveToImmutable();
    }

    internal static void Write(ref MessagePackWriter writer, StepRequest? step)
    {
        if (step is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(4);
        writer.Write(step.Interface);
        writer.Write(step.Step);
        if (step.Args is { } args)
        {
            writer.WriteMapHeader(args.Count);
            foreach (var (name, value) in args.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value.GetRawText());
            }
        }
        else
        {
            writer.WriteNil();
        }

        Write(ref writer, step.Priority);
    }

    internal static StepRequest? ReadStepRequest(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(ref reader, 4, "a step request");
        var @interface = ReadText(ref reader, "a step's interface");
        var step = ReadText(ref reader, "a step's name");
        ImmutableDictionary<string, JsonElement>? args = null;
        if (!reader.TryReadNil())
        {
            var builder = ImmutableDictionary.CreateBuilder<string, JsonElement>();
            for (var count = reader.ReadMapHeader(); count > 0; count--)
            {
                var name = ReadText(ref reader, "an argument's name");
                try
                {
                    using var json = JsonDocument.Parse(ReadText(ref reader, "an argument's value"));
                    builder.Add(name, json.RootElement.Clone());
                }
                catch (JsonException error)
                {
                    throw new MessagePackSerializationException($"argument {name} is not JSON", error);
                }
            }

            args = builder.ToImmutable();
        }

        return new StepRequest(@interface, step, args, ReadNullableInt(ref reader));
    }

    internal static void Write(ref MessagePackWriter writer, ImmutableArray<StepRequest> steps)
    {
        writer.WriteArrayHeader(steps.IsDefault ? 0 : steps.Length);
        foreach (var step in steps.IsDefault ? [] : steps)
        {
            Write(ref writer, step);
        }
    }

    internal static ImmutableArray<StepRequest> ReadStepRequests(ref MessagePackReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<StepRequest>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add(ReadStepRequest(ref reader) ?? throw new MessagePackSerializationException("a requested step is missing"));
        }

        return builder.MoveToImmutable();
    }

    internal static void Write(ref MessagePackWriter writer, ImmutableArray<(StepDefinition Step, StepRequest? User)> plan)
    {
        writer.WriteArrayHeader(plan.Length);
        foreach (var (step, user) in plan)
        {
            Write(ref writer, step);
            Write(ref writer, user);
        }
    }

    internal static ImmutableArray<(StepDefinition Step, StepRequest? User)> ReadPlan(ref MessagePackReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<(StepDefinition, StepRequest?)>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add((ReadStepDefinition(ref reader), ReadStepRequest(ref reader)));
        }

        return builder.MoveToImmutable();
    }

    internal static void Write(ref MessagePackWriter writer, ImmutableSortedDictionary<string, string> map)
    {
        writer.WriteMapHeader(map.Count);
        foreach (var (key, value) in map)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    internal static ImmutableSortedDictionary<string, string> ReadTextMap(ref MessagePackReader reader)
    {
        var count = reader.ReadMapHeader();
        if (count == 0)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>();
        for (; count > 0; count--)
        {
            builder.Add(ReadText(ref reader, "a key"), ReadText(ref reader, "a value"));
        }

        return builder.ToImmutable();
    }

    /// <summary>The options as their release and Ironic names with JSON values (<see cref="ConductorOptions.ToNames"/>).</summary>
    internal static void Write(ref MessagePackWriter writer, ConductorOptions options)
    {
        var names = options.ToNames();
        writer.WriteArrayHeader(2);
        writer.Write((int)options.Release);
        writer.WriteMapHeader(names.Count);
        foreach (var (name, value) in names)
        {
            writer.Write(name);
            writer.Write(value.GetRawText());
        }
    }

    internal static ConductorOptions ReadOptions(ref MessagePackReader reader)
    {
        Expect(ref reader, 2, "the options");
        var release = ReadEnum<IronicRelease>(ref reader);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            var name = ReadText(ref reader, "an option's name");
            try
            {
                using var json = JsonDocument.Parse(ReadText(ref reader, "an option's value"));
                values[name] = json.RootElement.Clone();
            }
            catch (JsonException error)
            {
                throw new MessagePackSerializationException($"option {name} is not JSON", error);
            }
        }

        try
        {
            return ConductorOptions.FromNames(release, values);
        }
        catch (Exception error) when (error is IronicException or IncorrectConfigurationException)
        {
            throw new MessagePackSerializationException($"the options do not load: {error.Message}", error);
        }
    }

    /// <summary>Writes how ramdisk agents behave (a fleet scenario's <c>Agents</c>), or nil.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="agents">The behaviour, or null.</param>
    public static void Write(ref MessagePackWriter writer, AgentBehaviour? agents)
    {
        if (agents is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(10);
        Write(ref writer, agents.BootTime);
        writer.WriteMapHeader(agents.StepDurations.Count);
        foreach (var (step, duration) in agents.StepDurations.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            writer.Write(step);
            Write(ref writer, duration);
        }

        Write(ref writer, agents.DefaultStepDuration);
        writer.Write(agents.NeverBootsProbability);
        writer.Write(agents.StepFailsProbability);
        writer.Write(agents.StepHangsProbability);
        writer.Write(agents.DiesMidStepProbability);
        writer.Write(agents.HeartbeatLossProbability);
        writer.Write(agents.HeartbeatDelayProbability);
        Write(ref writer, agents.HeartbeatDelay);
    }

    /// <summary>Reads what <see cref="Write(ref MessagePackWriter, AgentBehaviour)"/> wrote.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The behaviour, or null.</returns>
    /// <exception cref="MessagePackSerializationException">Not such a behaviour.</exception>
    public static AgentBehaviour? ReadAgentBehaviour(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(ref reader, 10, "the agents' behaviour");
        var boot = ReadSpan(ref reader);
        var durations = ImmutableDictionary.CreateBuilder<string, TimeSpan>();
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            durations.Add(ReadText(ref reader, "a step's name"), ReadSpan(ref reader));
        }

        return new AgentBehaviour
        {
            BootTime = boot,
            StepDurations = durations.ToImmutable(),
            DefaultStepDuration = ReadSpan(ref reader),
            NeverBootsProbability = reader.ReadDouble(),
            StepFailsProbability = reader.ReadDouble(),
            StepHangsProbability = reader.ReadDouble(),
            DiesMidStepProbability = reader.ReadDouble(),
            HeartbeatLossProbability = reader.ReadDouble(),
            HeartbeatDelayProbability = reader.ReadDouble(),
            HeartbeatDelay = ReadSpan(ref reader),
        };
    }

    /// <summary>Writes a random stream's state.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="state">The state (<see cref="Simulation.SeededRandom.GetState"/>).</param>
    public static void Write(ref MessagePackWriter writer, Simulation.SeededRandomState state)
    {
        writer.WriteArrayHeader(4);
        writer.Write(state.S0);
        writer.Write(state.S1);
        writer.Write(state.S2);
        writer.Write(state.S3);
    }

    /// <summary>Reads a random stream's state.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The state, for <see cref="Simulation.SeededRandom(Simulation.SeededRandomState)"/>.</returns>
    /// <exception cref="MessagePackSerializationException">Not four numbers, or all zero.</exception>
    public static Simulation.SeededRandomState ReadRandomState(ref MessagePackReader reader)
    {
        Expect(ref reader, 4, "a random state");
        var state = new Simulation.SeededRandomState(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
        return (state.S0 | state.S1 | state.S2 | state.S3) == 0 ? throw new MessagePackSerializationException("a random state is all zero") : state;
    }
}
