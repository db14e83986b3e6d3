using System.Collections.Immutable;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>
/// How the values a snapshot shares between its parts are written: each composite is a
/// MessagePack array whose length is checked on reading, times are UTC ticks, enums their
/// numbers, absent values nil. Reading the wrong shape throws <see cref="MessagePackSerializationException"/>,
/// which the loader reports as <see cref="PersistenceFormatError.Corrupted"/>.
/// </summary>
internal static class SnapshotCodec
{
    /// <summary>Reads an array header and checks its length.</summary>
    public static void Expect(ref MessagePackReader reader, int count, string what)
    {
        var actual = reader.ReadArrayHeader();
        if (actual != count)
        {
            throw new MessagePackSerializationException($"{what} has {actual} fields, not {count}");
        }
    }

    public static string ReadText(ref MessagePackReader reader, string what) =>
        reader.ReadString() ?? throw new MessagePackSerializationException($"{what} is missing");

    public static T ReadEnum<T>(ref MessagePackReader reader)
        where T : struct, Enum
    {
        var value = (T)Enum.ToObject(typeof(T), reader.ReadInt32());
        return Enum.IsDefined(value) ? value : throw new MessagePackSerializationException($"{value} is not a {typeof(T).Name}");
    }

    public static void WriteEnum<T>(ref MessagePackWriter writer, T? value)
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

    public static T? ReadNullableEnum<T>(ref MessagePackReader reader)
        where T : struct, Enum =>
        reader.TryReadNil() ? null : ReadEnum<T>(ref reader);

    public static void Write(ref MessagePackWriter writer, DateTimeOffset? value)
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

    public static DateTimeOffset ReadTime(ref MessagePackReader reader) => new(reader.ReadInt64(), TimeSpan.Zero);

    public static DateTimeOffset? ReadNullableTime(ref MessagePackReader reader) => reader.TryReadNil() ? null : ReadTime(ref reader);

    public static void Write(ref MessagePackWriter writer, int? value)
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

    public static int? ReadNullableInt(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadInt32();

    public static void Write(ref MessagePackWriter writer, bool? value)
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

    public static bool? ReadNullableBool(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadBoolean();

    public static void Write(ref MessagePackWriter writer, TimeSpan value) => writer.Write(value.Ticks);

    public static TimeSpan ReadSpan(ref MessagePackReader reader) => TimeSpan.FromTicks(reader.ReadInt64());

    public static void Write(ref MessagePackWriter writer, ImmutableSortedDictionary<string, string> map)
    {
        writer.WriteMapHeader(map.Count);
        foreach (var (key, value) in map)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    public static ImmutableSortedDictionary<string, string> ReadTextMap(ref MessagePackReader reader)
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

    public static void Write(ref MessagePackWriter writer, Simulation.SeededRandomState state)
    {
        writer.WriteArrayHeader(4);
        writer.Write(state.S0);
        writer.Write(state.S1);
        writer.Write(state.S2);
        writer.Write(state.S3);
    }

    public static Simulation.SeededRandomState ReadRandomState(ref MessagePackReader reader)
    {
        Expect(ref reader, 4, "a random state");
        var state = new Simulation.SeededRandomState(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
        return (state.S0 | state.S1 | state.S2 | state.S3) == 0 ? throw new MessagePackSerializationException("a random state is all zero") : state;
    }
}
