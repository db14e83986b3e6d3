using System.Collections.Immutable;
using System.Text.Json;
using MessagePack;
using IronicCore.Persistence;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Steps;

/// <summary>Steps in a snapshot: references, definitions, the user's requests and a plan of both.</summary>
internal static class StepCodec
{
    public static void Write(ref MessagePackWriter writer, StepReference? step)
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

    public static StepReference? ReadStepReference(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(ref reader, 2, "a step reference");
        return new StepReference(ReadText(ref reader, "a step's interface"), ReadText(ref reader, "a step's name"));
    }

    public static void Write(ref MessagePackWriter writer, StepDefinition step)
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

    public static StepDefinition ReadStepDefinition(ref MessagePackReader reader)
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

    public static void Write(ref MessagePackWriter writer, ImmutableArray<StepDefinition>? steps)
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

    public static ImmutableArray<StepDefinition>? ReadStepDefinitions(ref MessagePackReader reader)
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

    public static void Write(ref MessagePackWriter writer, StepRequest? step)
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

        SnapshotCodec.Write(ref writer, step.Priority);
    }

    public static StepRequest? ReadStepRequest(ref MessagePackReader reader)
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

    public static void Write(ref MessagePackWriter writer, ImmutableArray<StepRequest> steps)
    {
        writer.WriteArrayHeader(steps.IsDefault ? 0 : steps.Length);
        foreach (var step in steps.IsDefault ? [] : steps)
        {
            Write(ref writer, step);
        }
    }

    public static ImmutableArray<StepRequest> ReadStepRequests(ref MessagePackReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<StepRequest>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add(ReadStepRequest(ref reader) ?? throw new MessagePackSerializationException("a requested step is missing"));
        }

        return builder.MoveToImmutable();
    }

    public static void Write(ref MessagePackWriter writer, ImmutableArray<(StepDefinition Step, StepRequest? User)> plan)
    {
        writer.WriteArrayHeader(plan.Length);
        foreach (var (step, user) in plan)
        {
            Write(ref writer, step);
            Write(ref writer, user);
        }
    }

    public static ImmutableArray<(StepDefinition Step, StepRequest? User)> ReadPlan(ref MessagePackReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<(StepDefinition, StepRequest?)>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add((ReadStepDefinition(ref reader), ReadStepRequest(ref reader)));
        }

        return builder.MoveToImmutable();
    }
}
