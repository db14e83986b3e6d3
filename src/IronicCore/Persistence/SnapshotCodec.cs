using System.Collections.Immutable;
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
